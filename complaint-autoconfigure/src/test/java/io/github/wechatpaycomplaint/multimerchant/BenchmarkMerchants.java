package io.github.wechatpaycomplaint.multimerchant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import io.github.wechatpaycomplaint.simulator.keys.PemText;
import io.github.wechatpaycomplaint.simulator.keys.RsaKeyPairs;
import io.github.wechatpaycomplaint.simulator.keys.WechatPaySigningKey;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotification;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotificationBuilder;
import io.github.wechatpaycomplaint.testsupport.TestKeys;

/**
 * The merchants of {@link ManyMerchantsBenchmark}. Each has its own entry name, merchant
 * id, API certificate serial, APIv3 key and WeChat Pay public key id, as the registry
 * requires; the RSA key pairs are taken in turn from a few, since generating a thousand
 * would take minutes. Every merchant still parses its own copy of the PEM text. The
 * certificate-mode merchants ({@code c000}, ...) download a platform certificate issued
 * by the tests' CA, which is the trust anchor.
 */
final class BenchmarkMerchants {

	private static final int KEY_PAIRS = 4;

	private final List<KeyPair> merchantKeys;

	private final List<KeyPair> wechatpayKeys;

	private final List<String> merchantKeyPems;

	private final List<String> wechatpayKeyPems;

	private final List<X509Fixture> platformCertificates;

	private BenchmarkMerchants() {
		List<KeyPair> pairs = IntStream.range(0, 2 * KEY_PAIRS)
			.parallel()
			.mapToObj((i) -> RsaKeyPairs.generate())
			.toList();
		this.merchantKeys = pairs.subList(0, KEY_PAIRS);
		this.wechatpayKeys = pairs.subList(KEY_PAIRS, 2 * KEY_PAIRS);
		this.merchantKeyPems = this.merchantKeys.stream().map((pair) -> PemText.privateKey(pair.getPrivate())).toList();
		this.wechatpayKeyPems = this.wechatpayKeys.stream().map((pair) -> PemText.write(pair.getPublic())).toList();
		List<X509Fixture> certificates = new ArrayList<>();
		for (int i = 0; i < KEY_PAIRS; i++) {
			BigInteger serial = new BigInteger("5157F09EFDC096DE15EBE81A47057A7232F1B8E2", 16)
				.add(BigInteger.valueOf(i));
			KeyPair keys = this.wechatpayKeys.get(i);
			certificates.add(new X509Fixture(keys, serial.toString(16).toUpperCase(Locale.ROOT),
					PemText.write(TestKeys.certificate(keys, serial, Instant.now().minus(1, ChronoUnit.DAYS),
							Instant.now().plus(365, ChronoUnit.DAYS)))));
		}
		this.platformCertificates = List.copyOf(certificates);
	}

	/**
	 * Generates the key pairs (a second or two).
	 * @return the merchants
	 */
	static BenchmarkMerchants generate() {
		return new BenchmarkMerchants();
	}

	static String name(int merchant) {
		return String.format(Locale.ROOT, "m%04d", merchant);
	}

	static String merchantId(int merchant) {
		return Long.toString(1_900_000_001L + merchant);
	}

	static String apiV3Key(int merchant) {
		return String.format(Locale.ROOT, "%08x%024d", 0x5eed0000 + merchant, merchant);
	}

	static String publicKeyId(int merchant) {
		return "PUB_KEY_ID_01" + merchantId(merchant) + String.format(Locale.ROOT, "20251123%014d", merchant + 1);
	}

	static String certificateName(int merchant) {
		return String.format(Locale.ROOT, "c%03d", merchant);
	}

	static String certificateMerchantId(int merchant) {
		return Long.toString(1_800_000_001L + merchant);
	}

	static String certificateApiV3Key(int merchant) {
		return String.format(Locale.ROOT, "%08x%024d", 0xce570000 + merchant, merchant);
	}

	/**
	 * The key WeChat Pay signs a public-key-mode merchant's answers and notifications
	 * with.
	 * @param merchant the merchant's index
	 * @return the key and the merchant's public key id
	 */
	WechatPaySigningKey signingKey(int merchant) {
		return new WechatPaySigningKey(publicKeyId(merchant),
				this.wechatpayKeys.get(merchant % KEY_PAIRS).getPrivate());
	}

	/**
	 * The platform certificate a certificate-mode merchant downloads, and signs with.
	 * @param merchant the certificate-mode merchant's index
	 * @return the certificate
	 */
	X509Fixture platformCertificate(int merchant) {
		return this.platformCertificates.get(merchant % KEY_PAIRS);
	}

	/**
	 * A notification for a merchant, signed by its WeChat Pay key and encrypted with its
	 * APIv3 key, by the simulator's builder.
	 * @param merchant the merchant's index
	 * @param id the notification id
	 * @param timestamp its {@code Wechatpay-Timestamp}
	 * @return the notification
	 */
	SignedNotification notification(int merchant, String id, Instant timestamp) {
		return SignedNotificationBuilder.signedWith(signingKey(merchant), apiV3Key(merchant))
			.id(id)
			.createTime(OffsetDateTime.parse("2025-06-13T09:02:41+08:00"))
			.timestamp(timestamp)
			.build();
	}

	/**
	 * Writes a properties file configuring merchants as entries under
	 * {@code wechatpay.complaint.merchants}, all calling {@code baseUri}.
	 * @param merchants public-key-mode merchants {@code m0000}, ...
	 * @param certificateMerchants certificate-mode merchants {@code c000}, ...
	 * @param baseUri the WeChat Pay stand-in
	 * @return the file, deleted when the JVM exits
	 */
	Path write(int merchants, int certificateMerchants, String baseUri) {
		List<String> lines = new ArrayList<>();
		lines.add("wechatpay.complaint.client.base-uri=" + baseUri);
		lines.add("wechatpay.complaint.client.allow-insecure-http=true");
		if (certificateMerchants > 0) {
			lines.add(TestKeys.trustAnchorProperty());
		}
		for (int i = 0; i < merchants; i++) {
			String prefix = "wechatpay.complaint.merchants." + name(i) + ".";
			merchant(lines, prefix, merchantId(i), this.merchantKeyPems.get(i % KEY_PAIRS), apiV3Key(i));
			lines.add(prefix + "wechatpay-public-key.id=" + publicKeyId(i));
			lines.add(prefix + "wechatpay-public-key.key=" + this.wechatpayKeyPems.get(i % KEY_PAIRS));
		}
		for (int i = 0; i < certificateMerchants; i++) {
			String prefix = "wechatpay.complaint.merchants." + certificateName(i) + ".";
			merchant(lines, prefix, certificateMerchantId(i), this.merchantKeyPems.get(i % KEY_PAIRS),
					certificateApiV3Key(i));
			lines.add(prefix + "platform-certificates.enabled=true");
		}
		try {
			Path file = Files.createTempFile("merchants-" + merchants + "-", ".properties");
			file.toFile().deleteOnExit();
			Files.write(file, lines.stream().map((line) -> line.replace("\n", "\\n")).toList(),
					StandardCharsets.ISO_8859_1);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void merchant(List<String> lines, String prefix, String merchantId, String privateKey,
			String apiV3Key) {
		lines.add(prefix + "merchant.id=" + merchantId);
		lines.add(prefix + "merchant.certificate-serial-number="
				+ String.format(Locale.ROOT, "%040X", new BigInteger(merchantId)));
		lines.add(prefix + "merchant.private-key=" + privateKey);
		lines.add(prefix + "merchant.api-v3-key=" + apiV3Key);
	}

	/**
	 * A platform certificate of certificate mode.
	 *
	 * @param keys its key pair
	 * @param serial its serial, as {@code Wechatpay-Serial} names it
	 * @param pem the certificate as PEM text
	 */
	record X509Fixture(KeyPair keys, String serial, String pem) {

		WechatPaySigningKey signer() {
			return new WechatPaySigningKey(this.serial, this.keys.getPrivate());
		}

	}

}
