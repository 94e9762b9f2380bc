package io.github.wechatpaycomplaint.model;

import java.util.Arrays;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A downloaded complaint image: its bytes and the content type WeChat Pay sent with them.
 *
 * @param content the image bytes
 * @param contentType the {@code Content-Type} of the answer, e.g. {@code image/jpeg}
 * @since 0.1.0
 */
public record ComplaintImage(byte[] content, String contentType) {

	public ComplaintImage {
		content = Objects.requireNonNull(content, "content").clone();
		Objects.requireNonNull(contentType, "contentType");
	}

	/**
	 * The image bytes.
	 * @return a copy of the bytes
	 */
	@Override
	public byte[] content() {
		return this.content.clone();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || (other instanceof ComplaintImage image && Arrays.equals(this.content, image.content)
				&& this.contentType.equals(image.contentType));
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.content) + this.contentType.hashCode();
	}

	@Override
	public String toString() {
		return "ComplaintImage[contentType=" + this.contentType + ", size=" + this.content.length + "]";
	}

}
