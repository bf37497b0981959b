package dev.wharf.engine.volumes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.api.types.Mount;
import dev.wharf.engine.errors.InvalidArgumentException;
import dev.wharf.engine.volumes.MountSpec.BindMount;
import dev.wharf.engine.volumes.MountSpec.TmpfsMount;
import dev.wharf.engine.volumes.MountSpec.VolumeMount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MountParserTest {
    @Test
    void bindsAreNamedVolumesOrHostPathsWithTheirMode() {
        assertThat(MountParser.parseBind("data:/d")).isEqualTo(new VolumeMount("/d", "data", false, false, false, "z"));
        assertThat(MountParser.parseBind("data:/d:ro,nocopy"))
                .isEqualTo(new VolumeMount("/d", "data", false, true, true, "ro,nocopy"));
        assertThat(MountParser.parseBind("/srv/x/../y:/b:ro,rshared"))
                .isEqualTo(new BindMount("/b", "/srv/y", true, "rshared", "ro,rshared", true));
        assertThat(MountParser.parseBind("/anon")).isEqualTo(new VolumeMount("/anon", null, true, false, false, ""));
    }

    @Test
    void badBindsGetDockersMessages() {
        assertThatThrownBy(() -> MountParser.parseBind("a:/b:ro:x")).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("invalid volume specification: 'a:/b:ro:x'");
        assertThatThrownBy(() -> MountParser.parseBind("/a:/b:fast")).hasMessage("invalid mode: fast");
        assertThatThrownBy(() -> MountParser.parseBind("/a:/")).hasMessageContaining("destination can't be '/'");
        assertThatThrownBy(() -> MountParser.parseBind("v:x")).hasMessage("invalid volume specification: 'v:x': "
                + "invalid mount config for type \"volume\": invalid mount path: 'x' mount path must be absolute");
    }

    @Test
    void mountApiAndTmpfs() {
        var tmpfs = new Mount("tmpfs", null, "/t", true, null, null, null, Map.of("SizeBytes", 2 << 20, "Mode", 01770));
        assertThat(MountParser.parseMount(tmpfs)).isEqualTo(new TmpfsMount("/t", "size=2m,mode=1770", true, true));
        assertThat(TmpfsOptions.ociOptions("size=2m,exec", false))
                .containsExactly("nosuid", "nodev", "rprivate", "size=2m", "exec");
        var volume = new Mount("volume", "", "/v", null, null, null, Map.of("NoCopy", true), null);
        assertThat(MountParser.parseMount(volume)).isEqualTo(new VolumeMount("/v", null, true, false, true, ""));
        var missing = new Mount("bind", "/no/such/dir", "/x", null, null, null, null, null);
        assertThatThrownBy(() -> MountParser.parseMount(missing))
                .hasMessage("invalid mount config for type \"bind\": bind source path does not exist: /no/such/dir");
    }

    @Test
    void aDestinationIsMountedOnce() {
        assertThatThrownBy(() -> MountParser.parseAll(List.of("a:/x"), null, Map.of("/x", "")))
                .hasMessage("Duplicate mount point: /x");
    }
}
