// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.media.Images;
import dev.costbench.model.provider.ChatMessage;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.Part;
import dev.costbench.model.provider.RequestEstimate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An image sent with the user message by "Send to the API": a JPEG, PNG, WebP or GIF file and its size. */
public record AttachedImage(Path file, int width, int height, String mime) {

    /**
     * Reads the file's format and size.
     *
     * @throws IOException whose message says what is wrong when it cannot be read or is not an image the providers
     *     take
     */
    static AttachedImage probe(Path file) throws IOException {
        var info = Images.probe(file);
        String fmt = info.format().toLowerCase(Locale.ROOT);
        if (!List.of("jpeg", "jpg", "png", "webp", "gif").contains(fmt)) {
            throw new IOException(file.getFileName() + " is " + fmt.toUpperCase(Locale.ROOT)
                    + "; the providers take JPEG, PNG, WebP or GIF (convert it in the Media view)");
        }
        return new AttachedImage(file, info.width(), info.height(), "image/" + (fmt.equals("jpg") ? "jpeg" : fmt));
    }

    /** "Image: photo.png 1280×720". */
    String label() {
        return "Image: " + file.getFileName() + " " + width + "×" + height;
    }

    /** {@code r} with this image added to its last (user) message. */
    ChatRequest addTo(ChatRequest r) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read " + file + ": " + e.getMessage() + ". Attach the image again.", e);
        }
        List<ChatMessage> msgs = new ArrayList<>(r.messages());
        ChatMessage last = msgs.remove(msgs.size() - 1);
        List<Part> parts = new ArrayList<>(last.parts());
        parts.add(new Part.Image(data, mime, null));
        msgs.add(new ChatMessage(last.role(), parts));
        return new ChatRequest(
                r.model(),
                r.system(),
                r.systemCache(),
                msgs,
                r.maxOutputTokens(),
                r.temperature(),
                r.seed(),
                r.reasoningBudget(),
                r.reasoningEffort(),
                r.mediaResolution(),
                r.stream(),
                r.openAiApi(),
                null,
                null);
    }

    /** Sizes for the estimate: this image's, or 1024×1024 without one. */
    static RequestEstimate.MediaSizer sizer(AttachedImage image) {
        return image == null
                ? RequestEstimate.MediaSizer.imagesOf(1024, 1024)
                : RequestEstimate.MediaSizer.imagesOf(image.width, image.height);
    }
}
