package io.github.wechatpaycomplaint.model.request;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code meta} part of the image upload; its JSON text, exactly as sent, is what the
 * request signature covers.
 *
 * @param filename the filename
 * @param sha256 lower-case hex SHA-256 of the file
 * @since 0.1.0
 */
@JsonPropertyOrder({ "filename", "sha256" })
public record ImageMeta(String filename, String sha256) {

	/**
	 * The meta of an upload.
	 * @param upload the upload
	 * @return its meta
	 */
	public static ImageMeta of(ImageUpload upload) {
		return new ImageMeta(upload.getFilename(), upload.sha256());
	}

}
