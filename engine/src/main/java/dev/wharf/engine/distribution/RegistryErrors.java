package dev.wharf.engine.distribution;

import dev.wharf.engine.errors.EngineException;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.errors.NotFoundException;
import dev.wharf.engine.errors.SystemException;
import dev.wharf.image.InvalidReferenceException;
import dev.wharf.image.remote.RegistryException;

/** Registry failures in the engine's taxonomy: a missing manifest or repository is 404, the rest 500 (Docker's Unknown). */
final class RegistryErrors {
    private RegistryErrors() {}

    static EngineException translate(Exception e) {
        return switch (e) {
            case EngineException engine -> engine;
            case RegistryException r when r.isNotFound() -> new NotFoundException(r.getMessage(), r);
            case InvalidReferenceException r -> new InvalidArgumentException(r.getMessage(), r);
            default -> new SystemException(e.getMessage() != null ? e.getMessage() : e.toString(), e);
        };
    }
}
