// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import java.nio.file.Path;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;

/** Plays a WAV file on the default audio output; one clip at a time. */
final class AudioPreview implements AutoCloseable {

    private Clip clip;

    /** Starts playing {@code wav} (stopping what played before). Fails when there is no usable output device. */
    void play(Path wav) throws Exception {
        stop();
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            clip = AudioSystem.getClip();
            clip.open(in);
            clip.start();
        }
    }

    void stop() {
        if (clip != null) {
            clip.stop();
            clip.close();
            clip = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
