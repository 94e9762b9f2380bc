package io.github.wechatpaycomplaint.simulator.crypto;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The fields of a merchant's
 * {@code Authorization: WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",…} header, in
 * any order; the first of a repeated field counts.
 *
 * @since 0.1.0
 */
public final class MerchantAuthorization {

	/** The schema the header must start with. */
	public static final String SCHEMA = WechatPayHeaders.RSA_SIGNATURE_TYPE;

	private static final Pattern FIELD = Pattern.compile("(\\w+)=\"([^\"]*)\"");

	private final Map<String, String> fields;

	private MerchantAuthorization(Map<String, String> fields) {
		this.fields = fields;
	}

	/**
	 * Parses a header value.
	 * @param header the {@code Authorization} value
	 * @return the fields, or empty when the header does not use {@link #SCHEMA}
	 */
	public static Optional<MerchantAuthorization> parse(String header) {
		if (!header.startsWith(SCHEMA + " ")) {
			return Optional.empty();
		}
		Map<String, String> fields = new HashMap<>();
		Matcher matcher = FIELD.matcher(header.substring(SCHEMA.length() + 1));
		while (matcher.find()) {
			fields.putIfAbsent(matcher.group(1), matcher.group(2));
		}
		return Optional.of(new MerchantAuthorization(fields));
	}

	/**
	 * A field: {@code mchid}, {@code nonce_str}, {@code timestamp}, {@code serial_no} or
	 * {@code signature}.
	 * @param name the field name
	 * @return the value, or {@code null} when absent
	 */
	public @Nullable String field(String name) {
		return this.fields.get(name);
	}

}
