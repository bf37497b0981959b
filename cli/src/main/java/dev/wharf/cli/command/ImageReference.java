package dev.wharf.cli.command;

/** Splits "name[:tag][@digest]" the way the CLI needs for messages and pulls. */
record ImageReference(String repository, String tag, String digest) {

    static ImageReference parse(String reference) {
        String digest = null;
        int at = reference.indexOf('@');
        String rest = reference;
        if (at >= 0) {
            digest = reference.substring(at + 1);
            rest = reference.substring(0, at);
        }
        int colon = rest.lastIndexOf(':');
        // a colon before the last slash belongs to a registry host:port, not to a tag
        if (colon > rest.lastIndexOf('/')) {
            return new ImageReference(rest.substring(0, colon), rest.substring(colon + 1), digest);
        }
        return new ImageReference(rest, null, digest);
    }

    /** The reference with ":latest" added when it has neither tag nor digest. */
    String familiar() {
        if (digest != null) {
            return repository + (tag != null ? ":" + tag : "") + "@" + digest;
        }
        return repository + ":" + (tag != null ? tag : "latest");
    }

    String tagOrLatest() {
        return tag != null ? tag : "latest";
    }

    /** The registry, by Docker's rule: a first component with '.' or ':', or {@code localhost}; else docker.io. */
    String domain() {
        int slash = repository.indexOf('/');
        String first = slash < 0 ? null : repository.substring(0, slash);
        boolean isDomain = first != null && (first.contains(".") || first.contains(":") || first.equals("localhost")
                || !first.toLowerCase(java.util.Locale.ROOT).equals(first));
        return isDomain ? first : "docker.io";
    }

    /** The normalised repository name: {@code busybox} is {@code docker.io/library/busybox}. */
    String fullName() {
        String domain = domain();
        if (!domain.equals("docker.io") || repository.startsWith("docker.io/")) {
            return repository;
        }
        return "docker.io/" + (repository.contains("/") ? repository : "library/" + repository);
    }
}
