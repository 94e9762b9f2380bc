package io.github.wechatpaycomplaint.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.github.wechatpaycomplaint.crypto.internal.PemKeys;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vectors made with the official WeChat Pay Java SDK (wechatpay-java-core 0.2.17),
 * copied from shared/vectors.
 */
public final class Vectors {

	private static final JsonNode ROOT = load();

	private Vectors() {
	}

	public static JsonNode root() {
		return ROOT;
	}

	public static JsonNode keys() {
		return ROOT.get("keys");
	}

	public static String key(String name) {
		return keys().get(name).asString();
	}

	/**
	 * The merchant of the vectors' keys: its APIv3 key and private key decrypt what the
	 * official SDK encrypted.
	 * @return the merchant
	 */
	public static WechatPayMerchant merchant() {
		return new WechatPayMerchant(key("mchid"), key("merchant_certificate_serial_number"),
				PemKeys.privateKey(key("merchant_private_key_pkcs8_pem")), key("api_v3_key"));
	}

	/**
	 * The properties of an application in public-key mode for {@link #merchant()}.
	 * @return the properties
	 */
	public static String[] merchantProperties() {
		return new String[] { "wechatpay.complaint.merchant.id=" + key("mchid"),
				"wechatpay.complaint.merchant.certificate-serial-number=" + key("merchant_certificate_serial_number"),
				"wechatpay.complaint.merchant.private-key=" + key("merchant_private_key_pkcs8_pem"),
				"wechatpay.complaint.merchant.api-v3-key=" + key("api_v3_key"),
				"wechatpay.complaint.wechatpay-public-key.id=" + key("wechatpay_public_key_id"),
				"wechatpay.complaint.wechatpay-public-key.key=" + key("wechatpay_public_key_pem") };
	}

	private static JsonNode load() {
		try (InputStream in = Vectors.class.getClassLoader().getResourceAsStream("wechatpay-vectors.json")) {
			return new JsonMapper().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
