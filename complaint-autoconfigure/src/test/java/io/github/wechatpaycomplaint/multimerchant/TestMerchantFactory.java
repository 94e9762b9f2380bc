package io.github.wechatpaycomplaint.multimerchant;

import java.math.BigInteger;
import java.net.URI;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.github.wechatpaycomplaint.api.WechatPayComplaintClient;
import io.github.wechatpaycomplaint.certificate.PlatformCertificate;
import io.github.wechatpaycomplaint.certificate.PlatformCertificateManager;
import io.github.wechatpaycomplaint.client.WechatPayEndpoint;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.merchant.WechatPayPublicKey;
import io.github.wechatpaycomplaint.merchant.WechatPayVerificationKeys;
import io.github.wechatpaycomplaint.simulator.keys.PemText;
import io.github.wechatpaycomplaint.simulator.keys.RsaKeyPairs;
import io.github.wechatpaycomplaint.testsupport.TestKeys;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.client.RestClient;

/**
 * Builds test merchants without parsing keys or calling anybody: one key pair for all,
 * and in certificate mode a platform certificate manager (not started, on threads of its
 * own) whose downloads return the certificates the test publishes for that merchant. It
 * records which merchants it built and how many downloads each manager made, and closes
 * the registries it made.
 */
final class TestMerchantFactory implements MerchantComponentsFactory, AutoCloseable {

	static final KeyPair KEYS = RsaKeyPairs.generate();

	static final String API_V3_KEY = "0123456789abcdef0123456789abcdef";

	static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

	private static final Map<String, PlatformCertificate> CERTIFICATES = new ConcurrentHashMap<>();

	final List<String> built = new CopyOnWriteArrayList<>();

	private final List<WechatPayMerchants> registries = new CopyOnWriteArrayList<>();

	final Map<String, PlatformCertificateManager> managers = new ConcurrentHashMap<>();

	final Map<String, Map<String, PlatformCertificate>> published = new ConcurrentHashMap<>();

	private final Clock clock;

	private final Duration managerInterval;

	private volatile Function<MerchantDefinition, @Nullable AutoCloseable> resources = (definition) -> null;

	/**
	 * @param clock the managers' clock
	 * @param managerInterval each manager's own unknown-serial-refresh-interval
	 */
	TestMerchantFactory(Clock clock, Duration managerInterval) {
		this.clock = clock;
		this.managerInterval = managerInterval;
	}

	@Override
	public MerchantComponents create(MerchantDefinition definition) {
		this.built.add(definition.name());
		WechatPayMerchant merchant = new WechatPayMerchant(definition.merchantId(),
				definition.certificateSerialNumber(), KEYS.getPrivate(), definition.apiV3Key());
		WechatPayPublicKey publicKey = (definition.wechatpayPublicKeyId() != null)
				? new WechatPayPublicKey(definition.wechatpayPublicKeyId(), KEYS.getPublic()) : null;
		PlatformCertificateManager certificates = null;
		if (definition.platformCertificates()) {
			String name = definition.name();
			certificates = new PlatformCertificateManager((trusted) -> this.published.getOrDefault(name, Map.of()),
					(serial) -> Optional.empty(), this.clock, Duration.ofHours(12), this.managerInterval);
			this.managers.put(name, certificates);
		}
		RestClient restClient = RestClient.create();
		WechatPayComplaintClient client = new WechatPayComplaintClient(restClient, merchant, WechatPayEndpoint.MAINLAND,
				URI.create("https://api.mch.weixin.qq.com"), new JsonMapper());
		return new MerchantComponents(merchant, new WechatPayVerificationKeys(publicKey, certificates), restClient,
				client, this.resources.apply(definition));
	}

	/**
	 * What the components built from now on release when their merchant is replaced or
	 * removed.
	 */
	void resources(Function<MerchantDefinition, @Nullable AutoCloseable> resources) {
		this.resources = resources;
	}

	/** Makes a merchant's next download bring these certificates. */
	void publish(String name, String... serials) {
		Map<String, PlatformCertificate> certificates = new ConcurrentHashMap<>();
		for (String serial : serials) {
			certificates.put(serial, certificate(serial));
		}
		this.published.put(name, certificates);
	}

	int builds(String name) {
		return (int) this.built.stream().filter(name::equals).count();
	}

	int downloads() {
		return this.managers.values().stream().mapToInt(PlatformCertificateManager::getDownloadCount).sum();
	}

	static MerchantDefinition certificateMode(String name, int number) {
		return definition(name, number).platformCertificates(true).build();
	}

	static MerchantDefinition publicKeyMode(String name, int number, String publicKeyId) {
		return definition(name, number).wechatpayPublicKey(publicKeyId, PemText.write(KEYS.getPublic())).build();
	}

	static MerchantDefinition.Builder definition(String name, int number) {
		return MerchantDefinition.builder(name)
			.merchantId(String.valueOf(1_900_000_000L + number))
			.certificateSerialNumber("5157F09EFDC096DE15EBE81A47057A7232F1B8E1")
			.privateKey(PemText.privateKey(KEYS.getPrivate()))
			.apiV3Key(API_V3_KEY);
	}

	static PlatformCertificate certificate(String serial) {
		return CERTIFICATES.computeIfAbsent(serial, (key) -> new PlatformCertificate(key, TestKeys.testCa()
			.issue(KEYS, new BigInteger(key, 16), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365))),
				NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365))));
	}

	/** A registry of these merchants. */
	WechatPayMerchants registry(MerchantDefinition... definitions) {
		return registry(() -> List.of(definitions));
	}

	/** A registry of the merchants of a source. */
	WechatPayMerchants registry(WechatPayMerchantSource source) {
		return made(new WechatPayMerchants(List.of(source), this));
	}

	/** A registry of these merchants that spaces unknown serials by this interval. */
	WechatPayMerchants registry(Duration unknownSerialInterval, MerchantDefinition... definitions) {
		return made(
				new WechatPayMerchants(List.of(() -> List.of(definitions)), this, unknownSerialInterval, this.clock));
	}

	private WechatPayMerchants made(WechatPayMerchants registry) {
		this.registries.add(registry);
		return registry;
	}

	@Override
	public void close() {
		this.registries.forEach(WechatPayMerchants::close);
	}

}
