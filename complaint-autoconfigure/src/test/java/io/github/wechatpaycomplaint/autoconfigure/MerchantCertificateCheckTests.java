package io.github.wechatpaycomplaint.autoconfigure;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.simulator.keys.PemText;
import io.github.wechatpaycomplaint.simulator.keys.RsaKeyPairs;
import io.github.wechatpaycomplaint.testsupport.TestKeys;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.wechatpaycomplaint.autoconfigure.StartupFailureAssertions.assertInvalidProperty;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional merchant certificate ({@code merchant.certificate}) must carry
 * {@code certificate-serial-number} and the private key's public key.
 */
class MerchantCertificateCheckTests {

	private static final String CERTIFICATE = "wechatpay.complaint.merchant.certificate";

	private static final String SERIAL = "wechatpay.complaint.merchant.certificate-serial-number";

	private static final String PRIVATE_KEY = "wechatpay.complaint.merchant.private-key";

	private static final KeyPair MERCHANT = WechatPayStandIn.merchantKeys();

	private static final String LEADING_ZERO_SERIAL = "0ABCDEF0123456789ABCDEF0123456789ABCDEF0";

	@AutoClose
	private final WechatPayStandIn wechatPay = new WechatPayStandIn();

	private final ApplicationContextRunner configured = this.wechatPay.clientContextRunner();

	@Test
	void theMatchingCertificateIsAcceptedAsPemFileOrBareBase64(@TempDir Path directory) throws Exception {
		String pem = PemText.write(certificate(MERCHANT, new BigInteger(WechatPayStandIn.MERCHANT_SERIAL, 16)));
		this.configured.withPropertyValues(CERTIFICATE + "=" + pem)
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(WechatPayMerchant.class));
		Path file = Files.writeString(directory.resolve("apiclient_cert.pem"), pem);
		this.configured.withPropertyValues(CERTIFICATE + "=file:" + file)
			.run((context) -> assertThat(context).hasNotFailed());
		String bare = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
		this.configured.withPropertyValues(CERTIFICATE + "=" + bare)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void theSerialIsComparedAsHexIgnoringCaseAndLeadingZeros() {
		// WeChat Pay prints whole bytes, so a serial whose first byte is below 0x10
		// starts with a zero.
		BigInteger serial = new BigInteger(LEADING_ZERO_SERIAL, 16);
		String pem = PemText.write(certificate(MERCHANT, serial));
		assertThat(MerchantCertificateCheck.wechatPayForm(serial)).isEqualTo(LEADING_ZERO_SERIAL);
		for (String configured : new String[] { LEADING_ZERO_SERIAL, "0abcdef0123456789abcdef0123456789abcdef0",
				"ABCDEF0123456789ABCDEF0123456789ABCDEF0" }) {
			this.configured.withPropertyValues(CERTIFICATE + "=" + pem, SERIAL + "=" + configured)
				.run((context) -> assertThat(context).as(configured).hasNotFailed());
		}
	}

	@Test
	void aSerialOfAnotherCertificateStopsStartupNamingBothProperties() {
		String pem = PemText.write(certificate(MERCHANT, new BigInteger(LEADING_ZERO_SERIAL, 16)));
		this.configured.withPropertyValues(CERTIFICATE + "=" + pem).run((context) -> {
			InvalidComplaintPropertyException ex = assertInvalidProperty(context, SERIAL);
			assertThat(ex.getProblem()).contains(WechatPayStandIn.MERCHANT_SERIAL, CERTIFICATE, LEADING_ZERO_SERIAL);
			assertThat(ex.getAction()).contains(SERIAL + "' to " + LEADING_ZERO_SERIAL, CERTIFICATE);
		});
		this.configured.withPropertyValues(CERTIFICATE + "=" + pem, SERIAL + "=not-hex")
			.run((context) -> assertInvalidProperty(context, SERIAL));
	}

	@Test
	void aPrivateKeyOfAnotherCertificateStopsStartupNamingBothProperties() {
		String pem = PemText
			.write(certificate(RsaKeyPairs.generate(), new BigInteger(WechatPayStandIn.MERCHANT_SERIAL, 16)));
		this.configured.withPropertyValues(CERTIFICATE + "=" + pem).run((context) -> {
			InvalidComplaintPropertyException ex = assertInvalidProperty(context, PRIVATE_KEY);
			assertThat(ex.getProblem()).contains("does not belong", CERTIFICATE);
			assertThat(ex.getAction()).contains(PRIVATE_KEY, CERTIFICATE);
		});
	}

	@Test
	void somethingElseThanACertificateIsRefused() {
		this.configured.withPropertyValues(CERTIFICATE + "=" + PemText.write(MERCHANT.getPublic()))
			.run((context) -> assertThat(assertInvalidProperty(context, CERTIFICATE).getAction())
				.contains("apiclient_cert.pem"));
		this.configured.withPropertyValues(CERTIFICATE + "=file:/nonexistent/apiclient_cert.pem")
			.run((context) -> assertThat(assertInvalidProperty(context, CERTIFICATE).getProblem())
				.contains("does not exist"));
	}

	private static X509Certificate certificate(KeyPair keys, BigInteger serial) {
		Instant now = Instant.now();
		return TestKeys.certificate(keys, serial, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
	}

}
