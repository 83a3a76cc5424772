using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace RJCloud.Tenancy.Identity.Keys;

/// <summary>
/// Hands the persisted keys to OpenIddict when its options are first needed (the first request,
/// after migrations have run). The newest key comes first, so it signs; older ones still validate.
/// </summary>
internal sealed class ConfigureServerKeys(ServerKeyring keyring) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        foreach (var key in keyring.LoadOrCreate())
        {
            var keyId = key.Id.ToString("N");
            if (key.Use == ServerKey.Signing)
            {
                var rsa = RSA.Create();
                rsa.ImportRSAPrivateKey(key.Material, out _);
                options.SigningCredentials.Add(new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = keyId }, SecurityAlgorithms.RsaSha256));
            }
            else
            {
                options.EncryptionCredentials.Add(new EncryptingCredentials(
                    new SymmetricSecurityKey(key.Material) { KeyId = keyId }, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
            }
        }
    }
}
