package io.github.wechatpaycomplaint.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.merchant.WechatPayPublicKey;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.wechatpaycomplaint.autoconfigure.StartupFailureAssertions.assertInvalidProperty;
import static io.github.wechatpaycomplaint.autoconfigure.StartupFailureAssertions.everythingShown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Key properties are read from local places only, and a {@code ${...}} placeholder left
 * unresolved is reported as such, by name, instead of as a key of the wrong length.
 */
class KeyPropertyStartupChecksTests {

	private static final String PRIVATE_KEY = "wechatpay.complaint.merchant.private-key";

	private static final String PUBLIC_KEY = "wechatpay.complaint.wechatpay-public-key.key";

	private static final String CERTIFICATE = "wechatpay.complaint.merchant.certificate";

	private static final String API_V3_KEY = "wechatpay.complaint.merchant.api-v3-key";

	@AutoClose
	private final WechatPayStandIn wechatPay = new WechatPayStandIn();

	private final ApplicationContextRunner configured = this.wechatPay.clientContextRunner();

	@Test
	void thePrivateKeyIsNeverFetchedOverTheNetwork() {
		for (String location : new String[] { "https://keys.example.com/apiclient_key.pem?token=T0kenValue",
				"http://keys.example.com/apiclient_key.pem", "ftp://keys.example.com/apiclient_key.pem",
				"jar:http://keys.example.com/keys.jar!/apiclient_key.pem", "HTTPS://keys.example.com/k.pem" }) {
			this.configured.withPropertyValues(PRIVATE_KEY + "=" + location).run((context) -> {
				InvalidComplaintPropertyException ex = assertInvalidProperty(context, PRIVATE_KEY);
				assertThat(ex.getProblem()).as(location).contains("must not be fetched over the network");
				assertThat(ex.getAction()).contains("file:/etc/wechatpay/apiclient_key.pem", "classpath:", "PEM text");
				assertThat(everythingShown(context)).doesNotContain("keys.example.com").doesNotContain("T0kenValue");
			});
		}
	}

	@Test
	void theWechatPayPublicKeyIsNeverFetchedOverTheNetwork() {
		for (String location : new String[] { "http://keys.example.com/pub_key.pem",
				"https://keys.example.com/pub_key.pem", "jar:https://keys.example.com/k.jar!/pub_key.pem",
				"file://fileserver/share/pub_key.pem" }) {
			this.configured.withPropertyValues(PUBLIC_KEY + "=" + location)
				.run((context) -> assertThat(assertInvalidProperty(context, PUBLIC_KEY).getAction()).as(location)
					.contains("file:/etc/wechatpay/pub_key.pem"));
		}
	}

	@Test
	void theMerchantCertificateIsNeverFetchedOverTheNetwork() {
		this.configured.withPropertyValues(CERTIFICATE + "=https://keys.example.com/apiclient_cert.pem")
			.run((context) -> assertThat(assertInvalidProperty(context, CERTIFICATE).getAction())
				.contains("file:/etc/wechatpay/apiclient_cert.pem"));
	}

	@Test
	void localLocationsAreStillRead() {
		// A Windows drive letter is a path, not a URL scheme: it fails as a missing file,
		// not as a network location.
		this.configured.withPropertyValues(PUBLIC_KEY + "=C:\\wechatpay\\pub_key.pem")
			.run((context) -> assertThat(assertInvalidProperty(context, PUBLIC_KEY).getProblem())
				.contains("does not exist"));
		this.configured.withPropertyValues(PUBLIC_KEY + "=file://localhost/nonexistent/pub_key.pem")
			.run((context) -> assertThat(assertInvalidProperty(context, PUBLIC_KEY).getProblem())
				.contains("does not exist"));
		this.configured.withPropertyValues(PUBLIC_KEY + "=classpath:nothing-here.pem")
			.run((context) -> assertThat(assertInvalidProperty(context, PUBLIC_KEY).getProblem())
				.contains("does not exist"));
	}

	@Test
	void aKeyFileThatIsAFifoFailsAtOnceInsteadOfBlocking(@TempDir Path directory) throws Exception {
		assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"), "mkfifo needs Linux");
		Path fifo = directory.resolve("apiclient_key.pem");
		assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
		// Opening a FIFO blocks until a writer comes: the check must not open it.
		assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> this.configured.withPropertyValues(PRIVATE_KEY + "=file:" + fifo).run((context) -> {
					InvalidComplaintPropertyException ex = assertInvalidProperty(context, PRIVATE_KEY);
					assertThat(ex.getProblem()).contains("'file:" + fifo + "'", "is not a regular file");
				}));
	}

	@Test
	void aKeyFileThatIsADeviceOrADirectoryIsRefused(@TempDir Path directory) {
		this.configured.withPropertyValues(PUBLIC_KEY + "=file:" + directory)
			.run((context) -> assertThat(assertInvalidProperty(context, PUBLIC_KEY).getProblem())
				.contains("is not a regular file"));
		if (Files.exists(Path.of("/dev/zero"))) {
			assertTimeoutPreemptively(Duration.ofSeconds(10),
					() -> this.configured.withPropertyValues(PRIVATE_KEY + "=file:/dev/zero")
						.run((context) -> assertThat(assertInvalidProperty(context, PRIVATE_KEY).getProblem())
							.contains("is not a regular file")));
		}
	}

	@Test
	void aKeyFileLargerThanAnyPemFileIsRefused(@TempDir Path directory) throws Exception {
		Path large = directory.resolve("apiclient_key.pem");
		Files.write(large, new byte[KeyMaterialLoader.MAX_BYTES + 1]);
		this.configured.withPropertyValues(PRIVATE_KEY + "=file:" + large).run((context) -> {
			InvalidComplaintPropertyException ex = assertInvalidProperty(context, PRIVATE_KEY);
			assertThat(ex.getProblem()).contains("is larger than 64 KiB");
			assertThat(ex.getProperty()).isEqualTo(PRIVATE_KEY);
		});
		// Just below the cap is read (and then fails as no key).
		Files.write(large, new byte[KeyMaterialLoader.MAX_BYTES]);
		this.configured.withPropertyValues(PRIVATE_KEY + "=file:" + large)
			.run((context) -> assertThat(assertInvalidProperty(context, PRIVATE_KEY).getProblem())
				.doesNotContain("is larger than"));
	}

	@Test
	void anUnresolvedApiV3KeyPlaceholderIsNamedInsteadOfMeasured() {
		this.configured.withPropertyValues(API_V3_KEY + "=${WECHATPAY_API_V3_KEY}").run((context) -> {
			InvalidComplaintPropertyException ex = assertInvalidProperty(context, API_V3_KEY);
			assertThat(ex.getProblem()).contains("${WECHATPAY_API_V3_KEY}", "unresolved").doesNotContain("bytes");
			assertThat(ex.getAction()).contains("WECHATPAY_API_V3_KEY");
		});
	}

	@Test
	void unresolvedPlaceholdersInEveryKeyPropertyAreNamed() {
		for (String property : new String[] { "wechatpay.complaint.merchant.id",
				"wechatpay.complaint.merchant.certificate-serial-number", PRIVATE_KEY, CERTIFICATE,
				"wechatpay.complaint.wechatpay-public-key.id", PUBLIC_KEY }) {
			this.configured.withPropertyValues(property + "=${MY_UNSET_VARIABLE}")
				.run((context) -> assertThat(assertInvalidProperty(context, property).getProblem()).as(property)
					.contains("${MY_UNSET_VARIABLE}", "unresolved"));
		}
	}

	@Test
	void onlyThePlaceholderNameIsShownNeverTheValueAroundIt() {
		this.configured.withPropertyValues(API_V3_KEY + "=8e1d6b2c4a9f${SUFFIX}3e7d0b5c1a2f").run((context) -> {
			assertThat(assertInvalidProperty(context, API_V3_KEY).getProblem()).contains("${SUFFIX}");
			assertThat(everythingShown(context)).doesNotContain("8e1d6b2c4a9f").doesNotContain("3e7d0b5c1a2f");
		});
	}

	@Test
	void resolvedPlaceholdersWork() {
		this.configured
			.withPropertyValues(API_V3_KEY + "=${test.api-v3-key}", "test.api-v3-key=" + WechatPayStandIn.API_V3_KEY,
					"wechatpay.complaint.wechatpay-public-key.id=${TEST_KEY_ID:" + WechatPayStandIn.PUBLIC_KEY_ID + "}")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(WechatPayMerchant.class);
				assertThat(context.getBean(WechatPayPublicKey.class).id()).isEqualTo(WechatPayStandIn.PUBLIC_KEY_ID);
			});
	}

}
