# Installs what a fresh machine of this kind lacks. Sourced by run.sh and test.sh.

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  if [ -z "${RJCLOUD_APT_UPDATED:-}" ]; then
    as_root apt-get update -qq
    RJCLOUD_APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# The service and the tests start private clusters from the machine's PostgreSQL server binaries.
ensure_postgres() {
  if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then return; fi
  echo "Installing PostgreSQL server binaries (apt: postgresql)..."
  apt_install postgresql
}

ensure_dotnet() {
  if command -v dotnet >/dev/null 2>&1; then return; fi
  echo "The .NET 10 SDK is required (dotnet on PATH)." >&2
  exit 1
}

# The end-to-end tests drive the web app in a real Chromium (Debian's; no browser download).
ensure_chromium() {
  if command -v chromium >/dev/null 2>&1; then return; fi
  echo "Installing Chromium (apt: chromium)..."
  apt_install chromium
}

ensure_node() {
  if command -v npm >/dev/null 2>&1; then return; fi
  echo "Installing Node.js and npm (apt)..."
  apt_install nodejs npm
}

# web/ is built into static files that the API serves; npm ci only when the lock file changed.
ensure_web_built() {
  ensure_node
  local stamp=web/node_modules/.package-lock.json
  if [ ! -f "$stamp" ] || [ web/package-lock.json -nt "$stamp" ]; then
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
  fi
  (cd web && npm run build --silent >/dev/null)
}
