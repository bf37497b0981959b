package dev.wharf.registry.storage;

/** Everything the registry stores, in three parts a backend implements together. */
public record RegistryStorage(BlobStorage blobs, UploadStorage uploads, ManifestStorage manifests) {}
