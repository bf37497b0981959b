package dev.wharf.it;

import java.nio.file.Path;

/** The distribution tests against our own {@code wharf registry serve}: docker and wharf push and pull through wharfd. */
class WharfRegistryDistributionTest extends RegistryDistributionTest {
    @Override
    LoopbackRegistry startRegistry(Path dir, String user, String password) throws Exception {
        return LoopbackRegistry.wharf(dir, user, password);
    }
}
