package dev.wharf.registry.errors;

/**
 * The closed set of error codes of the OCI Distribution Spec (plus Docker's extras it inherited), each
 * with the one HTTP status it is answered with. This is the only place codes meet statuses.
 */
public enum ErrorCode {
    BLOB_UNKNOWN(404, "blob unknown to registry"),
    BLOB_UPLOAD_INVALID(400, "blob upload invalid"),
    BLOB_UPLOAD_UNKNOWN(404, "blob upload unknown to registry"),
    /** An out-of-order or repeated chunk: the spec's 416 with the upload's current range. */
    RANGE_INVALID(416, "invalid content range"),
    DIGEST_INVALID(400, "provided digest did not match uploaded content"),
    MANIFEST_BLOB_UNKNOWN(404, "manifest references a manifest or blob unknown to registry"),
    MANIFEST_INVALID(400, "manifest invalid"),
    MANIFEST_UNKNOWN(404, "manifest unknown to registry"),
    NAME_INVALID(400, "invalid repository name"),
    NAME_UNKNOWN(404, "repository name not known to registry"),
    SIZE_INVALID(400, "provided length did not match content length"),
    PAGINATION_NUMBER_INVALID(400, "invalid number of results requested"),
    TOO_LARGE(413, "request body too large"),
    UNAUTHORIZED(401, "authentication required"),
    DENIED(403, "requested access to the resource is denied"),
    UNSUPPORTED(405, "the operation is unsupported"),
    TOOMANYREQUESTS(429, "too many requests"),
    /** A fault of the registry itself (distribution's code for a 500). */
    UNKNOWN(500, "unknown error");

    private final int status;
    private final String defaultMessage;

    ErrorCode(int status, String defaultMessage) {
        this.status = status;
        this.defaultMessage = defaultMessage;
    }

    public int status() {
        return status;
    }

    public String defaultMessage() {
        return defaultMessage;
    }

    /** The code as the wire spells it (RANGE_INVALID and TOO_LARGE are upload/size errors there). */
    public String wireCode() {
        return switch (this) {
            case RANGE_INVALID -> "BLOB_UPLOAD_INVALID";
            case TOO_LARGE -> "SIZE_INVALID";
            default -> name();
        };
    }
}
