package dev.wharf.registry.storage.fs;

import dev.wharf.registry.storage.RegistryStorage;
import dev.wharf.registry.storage.RegistryStorageContract;
import java.io.IOException;
import java.nio.file.Path;

class FileSystemStorageTest extends RegistryStorageContract {
    @Override
    protected RegistryStorage open(Path dir) throws IOException {
        return FileSystemStorage.open(dir);
    }
}
