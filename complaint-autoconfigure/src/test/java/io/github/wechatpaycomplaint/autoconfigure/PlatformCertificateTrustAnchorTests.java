package io.github.wechatpaycomplaint.autoconfigure;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.wechatpaycomplaint.certificate.PlatformCertificateManager;
import io.github.wechatpaycomplaint.certificate.PlatformCertificateTrust;
import io.github.wechatpaycomplaint.simulator.keys.PemText;
import io.github.wechatpaycomplaint.simulator.keys.RsaKeyPairs;
import io.github.wechatpaycomplaint.testsupport.TestKeys;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code platform-certificates.trust-anchor}: the built-in Tenpay.com Root CA by default,
 * a local resource or PEM text otherwise, and a startup failure naming the property when
 * it cannot serve as an anchor.
 */
class PlatformCertificateTrustAnchorTests {

	private static final String PROPERTY = "wechatpay.complaint.platform-certificates.trust-anchor";

	@AutoClose
	private final WechatPayStandIn wechatPay = new WechatPayStandIn();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, RestClientAutoConfiguration.class,
				ComplaintClientAutoConfiguration.class))
		.withPropertyValues(this.wechatPay.merchantProperties())
		.withPropertyValues("wechatpay.complaint.platform-certificates.enabled=true");

	@Test
	void usesTheBuiltInTenpayRootCaByDefault() {
		PlatformCertificateTrust trust = new PlatformCertificateTrustFactory(new DefaultResourceLoader()).trust(null,
				Clock.systemUTC());
		assertThat(trust.getAnchor()).isEqualTo(PlatformCertificateTrust.builtInTenpayRootCa());
		assertThat(trust.getAnchor().getSubjectX500Principal().getName()).startsWith("CN=Tenpay.com Root CA,");
	}

	@Test
	void readsTheAnchorFromAFileOrThePemText(@TempDir Path directory) throws Exception {
		Path ca = directory.resolve("ca.pem");
		Files.writeString(ca, TestKeys.testCaPem());
		PlatformCertificateTrustFactory factory = new PlatformCertificateTrustFactory(new DefaultResourceLoader());
		assertThat(factory.trust(ca.toUri().toString(), Clock.systemUTC()).getAnchor())
			.isEqualTo(TestKeys.testCa().certificate());
		assertThat(factory.trust(TestKeys.testCaPem().replace("\n", "\\n"), Clock.systemUTC()).getAnchor())
			.isEqualTo(TestKeys.testCa().certificate());
		this.contextRunner.withPropertyValues(PROPERTY + "=" + ca.toUri())
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(PlatformCertificateManager.class));
	}

	@Test
	void stopsStartupWhenTheAnchorDoesNotExist() {
		this.contextRunner.withPropertyValues(PROPERTY + "=file:/nonexistent/wechatpay/ca.pem")
			.run((context) -> assertThat(assertFailure(context).getProblem()).contains("does not exist"));
	}

	@Test
	void stopsStartupWhenTheAnchorIsARemoteLocation() {
		this.contextRunner.withPropertyValues(PROPERTY + "=https://wx.gtimg.com/mch/files/CertTrustChain.pem")
			.run((context) -> assertThat(assertFailure(context).getProblem())
				.contains("is not a file: or classpath: resource"));
	}

	@Test
	void stopsStartupWhenTheAnchorIsAFileOnAnotherHost() {
		this.contextRunner.withPropertyValues(PROPERTY + "=file://fileserver/share/ca.pem")
			.run((context) -> assertThat(assertFailure(context).getProblem())
				.contains("is not a file: or classpath: resource on this machine"));
	}

	@Test
	void stopsStartupWhenTheAnchorIsNotARegularFileOrTooLarge(@TempDir Path directory) throws Exception {
		this.contextRunner.withPropertyValues(PROPERTY + "=" + directory.toUri())
			.run((context) -> assertThat(assertFailure(context).getProblem()).contains("is not a regular file"));
		Path large = directory.resolve("large.pem");
		Files.write(large, new byte[KeyMaterialLoader.MAX_BYTES + 1]);
		this.contextRunner.withPropertyValues(PROPERTY + "=" + large.toUri())
			.run((context) -> assertThat(assertFailure(context).getProblem()).contains("is larger than 64 KiB"));
	}

	@Test
	void stopsStartupWhenTheAnchorIsNotACertificate() {
		this.contextRunner.withPropertyValues(PROPERTY + "=" + PemText.write(RsaKeyPairs.generate().getPublic()))
			.run((context) -> assertThat(assertFailure(context).getProblem()).contains("Expected a certificate"));
	}

	@Test
	void stopsStartupWhenTheAnchorIsNotACaCertificate() {
		String platformCertificate = PemText.write(TestKeys.certificate(RsaKeyPairs.generate(), BigInteger.TEN,
				Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(1))));
		this.contextRunner.withPropertyValues(PROPERTY + "=" + platformCertificate)
			.run((context) -> assertThat(assertFailure(context).getProblem()).contains("is not a CA certificate"));
	}

	private static InvalidComplaintPropertyException assertFailure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		Throwable cause = failure;
		while (cause != null && !(cause instanceof InvalidComplaintPropertyException)) {
			cause = cause.getCause();
		}
		assertThat(cause).isInstanceOf(InvalidComplaintPropertyException.class);
		InvalidComplaintPropertyException invalid = (InvalidComplaintPropertyException) cause;
		assertThat(invalid.getProperty()).isEqualTo(PROPERTY);
		FailureAnalysis analysis = new InvalidComplaintPropertyFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).contains(PROPERTY);
		assertThat(analysis.getAction()).contains(PROPERTY, "built-in Tenpay.com Root CA");
		return invalid;
	}

}
