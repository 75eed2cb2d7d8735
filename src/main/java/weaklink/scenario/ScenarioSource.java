package weaklink.scenario;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import weaklink.io.InputFile;

/**
 * A scenario file read once: its text, and the SHA-256 of the very bytes that text was decoded
 * from (what a results folder's manifest records). Only a regular file of at most
 * {@link YamlDocument#MAX_BYTES} bytes of UTF-8 is accepted.
 *
 * @param file   the file as the user named it
 * @param text   its content
 * @param digest size and SHA-256 of the bytes read
 */
public record ScenarioSource(Path file, String text, InputFile.Digest digest) {

    /** The name used in messages: the path as the user gave it. */
    public String name() { return file.toString(); }

    /** Reads {@code file} once, refusing what is not a small regular UTF-8 file with exit code 2's message. */
    public static ScenarioSource read(Path file) throws BadInputException {
        String name = file.toString();
        InputFile.Contents contents;
        try {
            contents = InputFile.readAll(file, YamlDocument.MAX_BYTES);
        } catch (NoSuchFileException e) {
            throw new BadInputException(name, 0, 0, null, "file not found");
        } catch (InputFile.Refused e) {
            String reason = e.reason();
            if (reason.startsWith("is larger than")) reason += "; a scenario is a small text file (a network belongs in network.files)";
            throw new BadInputException(name, 0, 0, null, reason);
        } catch (IOException e) {
            throw new BadInputException(name, 0, 0, null, "cannot be read: " + e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(contents.bytes())).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(name, 0, 0, null, "is not UTF-8 text");
        }
        return new ScenarioSource(file, text, contents.digest());
    }
}
