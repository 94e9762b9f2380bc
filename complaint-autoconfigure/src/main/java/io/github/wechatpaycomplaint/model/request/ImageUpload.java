package io.github.wechatpaycomplaint.model.request;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * A feedback image to upload, checked before any call: a JPEG, PNG or BMP (recognised by
 * its bytes, not its name) of at most 2 MB, whose filename (up to 128 characters) ends
 * with the matching {@code .jpg}/{@code .jpeg}, {@code .png} or {@code .bmp}.
 *
 * @since 0.1.0
 */
public final class ImageUpload {

	/** Largest file WeChat Pay accepts: 2 MB. */
	public static final int MAX_SIZE = 2 * 1024 * 1024;

	/** Longest filename. */
	public static final int MAX_FILENAME_LENGTH = 128;

	private final String filename;

	private final byte[] content;

	private final ImageFormat format;

	private ImageUpload(String filename, byte[] content) {
		this.filename = RequestChecks.text(filename, "filename", 1, MAX_FILENAME_LENGTH);
		if (content == null || content.length == 0) {
			throw new InvalidComplaintRequestException("file", "must not be empty");
		}
		if (content.length > MAX_SIZE) {
			throw new InvalidComplaintRequestException("file",
					"must be at most 2 MB (" + MAX_SIZE + " bytes), was " + content.length + " bytes");
		}
		this.format = ImageFormat.detect(content)
			.orElseThrow(() -> new InvalidComplaintRequestException("file",
					"must be a JPEG, PNG or BMP image (recognised by its first bytes)"));
		ImageFormat named = ImageFormat.ofFilename(filename)
			.orElseThrow(
					() -> new InvalidComplaintRequestException("filename", "must end with .jpg, .jpeg, .png or .bmp"));
		if (named != this.format) {
			throw new InvalidComplaintRequestException("filename",
					"must carry the extension of the file's real format " + this.format + ", not " + named);
		}
		this.content = content.clone();
	}

	/**
	 * An image to upload.
	 * @param filename the filename sent in {@code meta}, e.g. {@code evidence.png}
	 * @param content the file bytes
	 * @return the checked upload
	 * @throws InvalidComplaintRequestException if a rule is broken
	 */
	public static ImageUpload of(String filename, byte[] content) {
		return new ImageUpload(filename, content);
	}

	public String getFilename() {
		return this.filename;
	}

	/**
	 * The file bytes.
	 * @return a copy of the bytes
	 */
	public byte[] getContent() {
		return this.content.clone();
	}

	public ImageFormat getFormat() {
		return this.format;
	}

	/**
	 * The {@code sha256} of {@code meta}: the lower-case hex SHA-256 digest of the file.
	 * @return the digest
	 */
	public String sha256() {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(this.content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform provides SHA-256", ex);
		}
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || (other instanceof ImageUpload upload && this.filename.equals(upload.filename)
				&& Arrays.equals(this.content, upload.content));
	}

	@Override
	public int hashCode() {
		return 31 * this.filename.hashCode() + Arrays.hashCode(this.content);
	}

	@Override
	public String toString() {
		return "ImageUpload[filename=" + this.filename + ", format=" + this.format + ", size=" + this.content.length
				+ "]";
	}

}
