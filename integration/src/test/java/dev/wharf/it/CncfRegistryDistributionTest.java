package dev.wharf.it;

import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIf;

/** The distribution tests against the CNCF distribution registry (Debian's docker-registry). */
@EnabledIf("dev.wharf.it.LoopbackRegistry#isCncfInstalled")
class CncfRegistryDistributionTest extends RegistryDistributionTest {
    @Override
    LoopbackRegistry startRegistry(Path dir, String user, String password) throws Exception {
        return LoopbackRegistry.cncf(dir, user, password);
    }
}
