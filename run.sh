#!/usr/bin/env bash
# Starts RJCloud at http://localhost:5080 with its own private PostgreSQL (kept in .data/) and the
# demo offices seeded. Ctrl+C stops the service and the database it started.
# Set Database__MigrationConnectionString and Database__ServiceConnectionString to use your own server.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_dotnet
ensure_postgres
ensure_web_built

dotnet build src/Api -c Release --nologo -v quiet -clp:ErrorsOnly
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export EmbeddedPostgres__Directory="${EmbeddedPostgres__Directory:-$PWD/.data/postgres}"
exec dotnet src/Api/bin/Release/net10.0/RJCloud.Api.dll --contentRoot "$PWD/src/Api" "$@"
