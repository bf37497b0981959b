package dev.wharf.registry;

import dev.wharf.registry.config.RegistryConfig;

/** The configuration file's settings with {@code serve}'s flags laid over them. */
final class ConfigOverrides {
    private ConfigOverrides() {}

    static RegistryConfig apply(RegistryConfig file, ServeCommand flags) {
        RegistryConfig.Limits limits = file.limits() == null ? new RegistryConfig.Limits(null, null) : file.limits();
        limits = new RegistryConfig.Limits(
                flags.maxManifestBytes != null ? flags.maxManifestBytes : limits.maxManifestBytes(),
                flags.maxBlobBytes != null ? flags.maxBlobBytes : limits.maxBlobBytes());
        RegistryConfig.Tls tls = file.tls();
        if (flags.tlsCert != null || flags.tlsKey != null) {
            tls = new RegistryConfig.Tls(flags.tlsCert != null ? flags.tlsCert : tls == null ? null : tls.certificate(),
                    flags.tlsKey != null ? flags.tlsKey : tls == null ? null : tls.key());
        }
        RegistryConfig.Auth auth = file.auth();
        if (flags.htpasswd != null || flags.tokenAuth) {
            RegistryConfig.Token token = auth != null && auth.token() != null ? auth.token()
                    : flags.tokenAuth ? new RegistryConfig.Token(null, null, null, null, null) : null;
            auth = new RegistryConfig.Auth(flags.htpasswd != null ? flags.htpasswd : auth == null ? null : auth.htpasswd(), token,
                    auth == null ? null : auth.access());
        }
        return new RegistryConfig(
                flags.addr != null ? flags.addr : file.addr(),
                flags.root != null ? flags.root : file.root(),
                flags.readOnly || Boolean.TRUE.equals(file.readOnly()),
                flags.deleteEnabled ? new RegistryConfig.Delete(true) : file.delete(),
                limits, tls,
                flags.accessLog != null ? flags.accessLog : file.accessLog() == null || file.accessLog(),
                auth);
    }
}
