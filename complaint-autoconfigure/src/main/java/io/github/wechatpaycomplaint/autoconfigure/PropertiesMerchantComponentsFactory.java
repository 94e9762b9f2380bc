package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Clock;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.github.wechatpaycomplaint.api.ComplaintActivityListener;
import io.github.wechatpaycomplaint.api.WechatPayComplaintClient;
import io.github.wechatpaycomplaint.certificate.PlatformCertificateManager;
import io.github.wechatpaycomplaint.certificate.PlatformCertificateScheduler;
import io.github.wechatpaycomplaint.client.ClientResilience;
import io.github.wechatpaycomplaint.client.WechatPayRestClientFactory;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.merchant.WechatPayPublicKey;
import io.github.wechatpaycomplaint.merchant.WechatPayVerificationKeys;
import io.github.wechatpaycomplaint.multimerchant.MerchantComponents;
import io.github.wechatpaycomplaint.multimerchant.MerchantComponentsFactory;
import io.github.wechatpaycomplaint.multimerchant.MerchantDefinition;
import io.github.wechatpaycomplaint.resilience.RetryInterceptor;
import io.github.wechatpaycomplaint.resilience.RetryPolicy;
import io.github.wechatpaycomplaint.resilience.WechatPayRateLimiter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ResourceLoader;
import org.springframework.web.client.RestClient;

/**
 * Builds each merchant's objects from its definition resolved over the global properties:
 * its keys, its verification keys (and its own platform certificate manager in
 * certificate mode, on the threads all managers share), its RestClient over the one
 * shared HTTP request factory, with its own retries, rate limits (in the one shared
 * limiter, keyed by merchant id) and failover host, and its typed client. The merchant of
 * {@code wechatpay.complaint.merchant.*} is served by the single-merchant beans, until it
 * is replaced.
 */
final class PropertiesMerchantComponentsFactory implements MerchantComponentsFactory {

	private final MerchantEntryResolver resolver;

	private final ResourceLoader resourceLoader;

	private final WechatPayRestClientFactory clientFactory;

	private final @Nullable WechatPayRateLimiter rateLimiter;

	private final RetryInterceptor.Sleeper sleeper;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	private final @Nullable PlatformCertificateScheduler scheduler;

	private final @Nullable MerchantDefinition singleMerchant;

	private final Supplier<MerchantComponents> singleMerchantBeans;

	private final BiFunction<String, String, ComplaintActivityListener> activity;

	PropertiesMerchantComponentsFactory(MerchantEntryResolver resolver, ResourceLoader resourceLoader,
			WechatPayRestClientFactory clientFactory, @Nullable WechatPayRateLimiter rateLimiter,
			RetryInterceptor.Sleeper sleeper, JsonMapper jsonMapper, Clock clock,
			@Nullable PlatformCertificateScheduler scheduler, @Nullable MerchantDefinition singleMerchant,
			Supplier<MerchantComponents> singleMerchantBeans,
			BiFunction<String, String, ComplaintActivityListener> activity) {
		this.resolver = resolver;
		this.resourceLoader = resourceLoader;
		this.clientFactory = clientFactory;
		this.rateLimiter = rateLimiter;
		this.sleeper = sleeper;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
		this.scheduler = scheduler;
		this.singleMerchant = singleMerchant;
		this.singleMerchantBeans = singleMerchantBeans;
		this.activity = activity;
	}

	@Override
	public void check(MerchantDefinition definition) {
		MerchantEntryKeys.check(definition.name(), definition.settings());
	}

	@Override
	public MerchantComponents create(MerchantDefinition definition) {
		if (definition == this.singleMerchant) {
			return this.singleMerchantBeans.get();
		}
		String prefix = MerchantEntryResolver.prefix(definition.name());
		MerchantEntryProperties entry = this.resolver.resolve(definition);
		MerchantKeyFactory keys = new MerchantKeyFactory(this.resourceLoader, prefix);
		WechatPayMerchant merchant = keys.merchant(entry.getMerchant());
		WechatPayPublicKey publicKey = keys.publicKey(entry.getWechatpayPublicKey());
		ComplaintClientProperties client = entry.getClient();
		WechatPayRestClientFactory clients = this.clientFactory.withResilience(resilience(client))
			.forMerchant(definition.name());
		PlatformCertificateManager certificates = null;
		if (entry.getPlatformCertificates().isEnabled()) {
			certificates = PlatformCertificateManagers.create(prefix, entry.getPlatformCertificates(), client, merchant,
					clients, publicKey, this.jsonMapper, this.clock, this.resourceLoader, this.scheduler);
		}
		else if (publicKey == null) {
			throw new InvalidComplaintPropertyException(prefix + ".wechatpay-public-key",
					"no way to verify WeChat Pay's signatures is configured",
					"Set '" + prefix + ".wechatpay-public-key.id' and '.key' (public-key mode, 微信支付公钥), or set '"
							+ prefix + ".platform-certificates.enabled=true' (certificate mode, 平台证书).");
		}
		WechatPayVerificationKeys verificationKeys = new WechatPayVerificationKeys(publicKey, certificates);
		RestClient restClient = clients.verifyingClient(merchant, verificationKeys, client.resolveBaseUri(),
				client.getMaxClockSkew());
		WechatPayComplaintClient complaintClient = new WechatPayComplaintClient(restClient, merchant,
				client.getEndpoint(), client.resolveBaseUri(), this.jsonMapper,
				this.activity.apply(definition.name(), merchant.getMerchantId()));
		if (certificates != null) {
			certificates.start();
		}
		return new MerchantComponents(merchant, verificationKeys, restClient, complaintClient,
				(certificates != null) ? certificates::stop : null);
	}

	private ClientResilience resilience(ComplaintClientProperties client) {
		ComplaintClientProperties.Retry retry = client.getRetry();
		ComplaintClientProperties.RateLimit rateLimit = client.getRateLimit();
		WechatPayRateLimiter limiter = (this.rateLimiter != null && rateLimit.isEnabled())
				? this.rateLimiter.withLimits(RateLimiterConfigurations.limits(rateLimit), rateLimit.getMaxWait())
				: null;
		return new ClientResilience(
				new RetryPolicy(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff()), this.sleeper,
				limiter, client.resolveFailoverBaseUri());
	}

}
