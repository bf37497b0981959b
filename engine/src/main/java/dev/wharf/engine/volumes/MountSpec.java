package dev.wharf.engine.volumes;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One mount of a container as decided at create time (Docker's MountPoint), kept in the container's
 * {@code mounts.json} so start, inspect, {@code --volumes-from} and removal all see the same list.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "Type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MountSpec.VolumeMount.class, name = "volume"),
        @JsonSubTypes.Type(value = MountSpec.BindMount.class, name = "bind"),
        @JsonSubTypes.Type(value = MountSpec.TmpfsMount.class, name = "tmpfs")})
public sealed interface MountSpec {
    String destination();

    boolean readOnly();

    /** Docker's Mode column: the -v mode string ({@code z} for a plain named volume), empty for --mount. */
    String mode();

    MountSpec withAccess(boolean readOnly, String mode);

    /**
     * @param anonymous made up for this container (image VOLUME, {@code -v /path}): {@code rm -v} removes it
     * @param noCopy volume-nocopy: no copy-up of the image's content
     */
    record VolumeMount(String destination, String name, boolean anonymous, boolean readOnly, boolean noCopy,
            String mode) implements MountSpec {
        @Override
        public MountSpec withAccess(boolean ro, String newMode) {
            return new VolumeMount(destination, name, anonymous, ro, noCopy, newMode);
        }
    }

    /** @param createSource a missing source is created at start ({@code -v}); {@code --mount} refuses it at create */
    record BindMount(String destination, String source, boolean readOnly, String propagation, String mode,
            boolean createSource) implements MountSpec {
        @Override
        public MountSpec withAccess(boolean ro, String newMode) {
            return new BindMount(destination, source, ro, propagation, newMode, createSource);
        }
    }

    /**
     * @param options tmpfs data such as {@code size=65536k,mode=1777}
     * @param listed from {@code --mount type=tmpfs} (shown in inspect's Mounts); {@code --tmpfs} ones are not
     */
    record TmpfsMount(String destination, String options, boolean readOnly, boolean listed) implements MountSpec {
        @Override
        public String mode() {
            return "";
        }

        @Override
        public MountSpec withAccess(boolean ro, String newMode) {
            return new TmpfsMount(destination, options, ro, listed);
        }
    }
}
