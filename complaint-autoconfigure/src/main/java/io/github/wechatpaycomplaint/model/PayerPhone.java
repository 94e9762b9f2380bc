package io.github.wechatpaycomplaint.model;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * The complainant's phone number ({@code payer_phone}), which WeChat Pay sends RSA-OAEP
 * encrypted for the merchant.
 *
 * <p>
 * The complaint client hands it back decrypted. {@link #toString()} only ever shows a
 * masked form such as {@code 138****8000}, and JSON serialization writes the ciphertext,
 * so the number cannot leak into logs or caches by accident; call {@link #reveal()} where
 * the number itself is needed.
 *
 * @since 0.1.0
 */
public final class PayerPhone {

	private static final int SHOWN_PREFIX = 3;

	private static final int SHOWN_SUFFIX = 4;

	private final String ciphertext;

	private final @Nullable String plaintext;

	private PayerPhone(String ciphertext, @Nullable String plaintext) {
		this.ciphertext = Objects.requireNonNull(ciphertext, "ciphertext");
		this.plaintext = plaintext;
	}

	/**
	 * The field as WeChat Pay sent it, not yet decrypted.
	 * @param ciphertext the Base64 RSA-OAEP ciphertext
	 * @return the encrypted phone
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static PayerPhone encrypted(String ciphertext) {
		return new PayerPhone(ciphertext, null);
	}

	/**
	 * The field after decryption.
	 * @param ciphertext the Base64 RSA-OAEP ciphertext as received
	 * @param plaintext the decrypted number
	 * @return the decrypted phone
	 */
	public static PayerPhone decrypted(String ciphertext, String plaintext) {
		return new PayerPhone(ciphertext, Objects.requireNonNull(plaintext, "plaintext"));
	}

	/**
	 * The Base64 ciphertext exactly as received.
	 * @return the ciphertext
	 */
	@JsonValue
	public String ciphertext() {
		return this.ciphertext;
	}

	/**
	 * Whether the number has been decrypted.
	 * @return {@code true} once decrypted
	 */
	public boolean isDecrypted() {
		return this.plaintext != null;
	}

	/**
	 * The phone number itself; keep it out of logs.
	 * @return the decrypted number
	 * @throws IllegalStateException if the number has not been decrypted
	 */
	public String reveal() {
		if (this.plaintext == null) {
			throw new IllegalStateException("payer_phone has not been decrypted");
		}
		return this.plaintext;
	}

	/**
	 * The number with all but its first three and last four characters hidden, e.g.
	 * {@code 138****8000}; short numbers are hidden completely.
	 * @return the masked number, or {@code ******} while still encrypted
	 */
	public String masked() {
		String value = this.plaintext;
		if (value == null || value.length() <= SHOWN_PREFIX + SHOWN_SUFFIX) {
			return "******";
		}
		return value.substring(0, SHOWN_PREFIX) + "*".repeat(value.length() - SHOWN_PREFIX - SHOWN_SUFFIX)
				+ value.substring(value.length() - SHOWN_SUFFIX);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || (other instanceof PayerPhone phone && this.ciphertext.equals(phone.ciphertext)
				&& Objects.equals(this.plaintext, phone.plaintext));
	}

	@Override
	public int hashCode() {
		return this.ciphertext.hashCode();
	}

	@Override
	public String toString() {
		return masked();
	}

}
