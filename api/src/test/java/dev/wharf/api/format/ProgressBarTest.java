package dev.wharf.api.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bars of the recorded docker transcripts (62-pull, 61-push), character for character. */
class ProgressBarTest {
    @Test
    void drawsDockersBars() {
        assertThat(ProgressBar.format(177, 177))
                .isEqualTo("[==================================================>]     177B/177B");
        assertThat(ProgressBar.format(19968, 1984172))
                .isEqualTo("[>                                                  ]  19.97kB/1.984MB");
        assertThat(ProgressBar.format(1250816, 1984172))
                .isEqualTo("[===============================>                   ]  1.251MB/1.984MB");
        assertThat(ProgressBar.format(512, 20)).isEqualTo("[==================================================>]     512B");
        assertThat(ProgressBar.format(2129920, 1984172))
                .isEqualTo("[==================================================>]   2.13MB");
    }
}
