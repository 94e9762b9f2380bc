package io.github.wechatpaycomplaint.model.request;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The image formats WeChat Pay accepts for feedback images, recognised by their first
 * bytes (magic numbers).
 *
 * @since 0.1.0
 */
public enum ImageFormat {

	/** JPEG: {@code FF D8 FF}. */
	JPEG("image/jpeg", List.of(".jpg", ".jpeg"), 0xFF, 0xD8, 0xFF),

	/** PNG: {@code 89 50 4E 47 0D 0A 1A 0A}. */
	PNG("image/png", List.of(".png"), 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A),

	/** BMP: {@code 42 4D} ("BM"). */
	BMP("image/bmp", List.of(".bmp"), 0x42, 0x4D);

	private final String contentType;

	private final List<String> extensions;

	private final int[] magic;

	ImageFormat(String contentType, List<String> extensions, int... magic) {
		this.contentType = contentType;
		this.extensions = extensions;
		this.magic = magic;
	}

	/**
	 * The MIME type sent with the file part.
	 * @return e.g. {@code image/png}
	 */
	public String getContentType() {
		return this.contentType;
	}

	/**
	 * Whether a filename carries one of this format's extensions (case-insensitive).
	 * @param filename the filename
	 * @return {@code true} for e.g. {@code evidence.PNG} and {@link #PNG}
	 */
	public boolean matchesExtension(String filename) {
		String lower = filename.toLowerCase(Locale.ROOT);
		return this.extensions.stream().anyMatch(lower::endsWith);
	}

	/**
	 * Recognises an image by its first bytes; the filename plays no part.
	 * @param content the file content
	 * @return the format, or empty for anything that is not JPEG, PNG or BMP
	 */
	public static Optional<ImageFormat> detect(byte[] content) {
		return Arrays.stream(values()).filter((format) -> format.startsOf(content)).findFirst();
	}

	/**
	 * The format whose extension a filename carries.
	 * @param filename the filename
	 * @return the format, or empty
	 */
	public static Optional<ImageFormat> ofFilename(String filename) {
		return Arrays.stream(values()).filter((format) -> format.matchesExtension(filename)).findFirst();
	}

	private boolean startsOf(byte[] content) {
		if (content.length < this.magic.length) {
			return false;
		}
		for (int i = 0; i < this.magic.length; i++) {
			if ((content[i] & 0xFF) != this.magic[i]) {
				return false;
			}
		}
		return true;
	}

}
