package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Clock;

import io.github.wechatpaycomplaint.certificate.PlatformCertificateManager;
import io.github.wechatpaycomplaint.certificate.PlatformCertificateScheduler;
import io.github.wechatpaycomplaint.client.ClientResilience;
import io.github.wechatpaycomplaint.client.WechatPayComplaintRestClient;
import io.github.wechatpaycomplaint.client.WechatPayRestClientCustomizer;
import io.github.wechatpaycomplaint.client.WechatPayRestClientFactory;
import io.github.wechatpaycomplaint.client.WechatPayUserAgent;
import io.github.wechatpaycomplaint.crypto.NonceGenerator;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.merchant.WechatPayPublicKey;
import io.github.wechatpaycomplaint.merchant.WechatPayVerificationKeys;
import io.github.wechatpaycomplaint.resilience.RetryInterceptor;
import io.github.wechatpaycomplaint.resilience.RetryPolicy;
import io.github.wechatpaycomplaint.resilience.WechatPayRateLimiter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration for the WeChat Pay merchant keys, the keys that verify WeChat Pay's
 * signatures, and the signed and verifying {@link RestClient}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
		"org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration" })
@ConditionalOnClass(RestClient.class)
@ConditionalOnBooleanProperty(name = ComplaintProperties.PREFIX + ".enabled", matchIfMissing = true)
@EnableConfigurationProperties({ ComplaintProperties.class, ComplaintClientProperties.class })
@Import(RateLimiterConfigurations.class)
public final class ComplaintClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnSingleMerchantPropertiesCondition.class)
	WechatPayMerchant wechatPayMerchant(ComplaintProperties properties, ResourceLoader resourceLoader) {
		return new MerchantKeyFactory(resourceLoader).merchant(properties.getMerchant());
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional({ OnWechatpayPublicKeyIdCondition.class, OnSingleMerchantPropertiesCondition.class })
	WechatPayPublicKey wechatPayPublicKey(ComplaintProperties properties, ResourceLoader resourceLoader) {
		WechatPayPublicKey publicKey = new MerchantKeyFactory(resourceLoader)
			.publicKey(properties.getWechatpayPublicKey());
		if (publicKey == null) {
			throw new InvalidComplaintPropertyException(ComplaintProperties.PREFIX + ".wechatpay-public-key.id",
					"it is empty", "Set it to the WeChat Pay public key id (PUB_KEY_ID_...) or remove it.");
		}
		return publicKey;
	}

	@Bean
	@ConditionalOnMissingBean
	WechatPayRestClientFactory wechatPayRestClientFactory(ComplaintClientProperties client,
			ObjectProvider<RestClient.Builder> restClientBuilder,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<WechatPayRestClientCustomizer> customizers, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<Clock> clock, ObjectProvider<NonceGenerator> nonceGenerator,
			ObjectProvider<WechatPayRateLimiter> rateLimiter, ObjectProvider<RetryInterceptor.Sleeper> sleeper) {
		ComplaintClientProperties.Retry retry = client.getRetry();
		ClientResilience resilience = new ClientResilience(
				new RetryPolicy(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff()),
				sleeper.getIfAvailable(RetryInterceptor.Sleeper::threadSleep), rateLimiter.getIfAvailable(),
				client.resolveFailoverBaseUri());
		// Never follow a redirect, whatever spring.http.clients.redirects or the
		// application's builder says: it would
		// carry the merchant's signature to the host the Location names. Every builder
		// Boot ships honours this
		// setting, and RedirectRefusingBuilders switches following off after the
		// application's customizers; a 3xx
		// then reaches the verifying interceptor, which refuses it.
		HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
			.withTimeouts(client.getConnectTimeout(), client.getReadTimeout())
			.withRedirects(HttpRedirects.DONT_FOLLOW);
		return new WechatPayRestClientFactory(() -> restClientBuilder.getIfAvailable(RestClient::builder),
				() -> RedirectRefusingBuilders.neverFollowing(requestFactoryBuilder.getIfAvailable()).build(settings),
				customizers.orderedStream().toList(), jsonMapper.getIfAvailable(JsonMapper::new),
				clock.getIfUnique(Clock::systemUTC), nonceGenerator.getIfAvailable(NonceGenerator::secureRandom),
				WechatPayUserAgent.value(), resilience);
	}

	// The threads of every merchant's platform certificate downloads and refreshes; none
	// starts before the first download. Closed with the context.
	@Bean
	@ConditionalOnMissingBean
	PlatformCertificateScheduler wechatPayPlatformCertificateScheduler() {
		return new PlatformCertificateScheduler(PlatformCertificateScheduler.DEFAULT_THREADS);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = ComplaintProperties.PREFIX + ".platform-certificates.enabled")
	@Conditional(OnSingleMerchantPropertiesCondition.class)
	PlatformCertificateManager wechatPayPlatformCertificateManager(ComplaintProperties properties,
			ComplaintClientProperties client, WechatPayMerchant merchant, WechatPayRestClientFactory clientFactory,
			ObjectProvider<WechatPayPublicKey> publicKey, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<Clock> clock, ResourceLoader resourceLoader,
			ObjectProvider<PlatformCertificateScheduler> scheduler) {
		return PlatformCertificateManagers.create(ComplaintProperties.PREFIX, properties.getPlatformCertificates(),
				client, merchant, clientFactory, publicKey.getIfAvailable(), jsonMapper.getIfAvailable(JsonMapper::new),
				clock.getIfUnique(Clock::systemUTC), resourceLoader, scheduler.getIfUnique());
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnSingleMerchantPropertiesCondition.class)
	WechatPayVerificationKeys wechatPayVerificationKeys(ComplaintProperties properties,
			ObjectProvider<WechatPayPublicKey> publicKey,
			ObjectProvider<PlatformCertificateManager> platformCertificates) {
		ComplaintProperties.WechatpayPublicKey publicKeyProperties = properties.getWechatpayPublicKey();
		if (publicKeyProperties.getId() == null && publicKeyProperties.getKey() != null
				&& !publicKeyProperties.getKey().isBlank()) {
			throw new InvalidComplaintPropertyException(ComplaintProperties.PREFIX + ".wechatpay-public-key.id",
					"a WeChat Pay public key is set but not its id",
					"Set it to the public key id shown beside the key in the merchant platform, e.g. "
							+ "PUB_KEY_ID_0114232134912410000000000000.");
		}
		WechatPayPublicKey key = publicKey.getIfAvailable();
		PlatformCertificateManager certificates = platformCertificates.getIfAvailable();
		if (key == null && certificates == null) {
			throw new InvalidComplaintPropertyException(ComplaintProperties.PREFIX + ".wechatpay-public-key",
					"no way to verify WeChat Pay's signatures is configured",
					"Set 'wechatpay.complaint.wechatpay-public-key.id' and '.key' (public-key mode, 微信支付公钥), or "
							+ "set 'wechatpay.complaint.platform-certificates.enabled=true' (certificate mode, 平台证书), "
							+ "or both during WeChat Pay's migration.");
		}
		return new WechatPayVerificationKeys(key, certificates);
	}

	// Lazy: Spring Boot's RestClient.Builder builds an HTTP client (selector thread, TLS
	// context) as it is created;
	// the application pays for it on its first WeChat Pay call instead of at startup.
	@Bean(name = WechatPayComplaintRestClient.BEAN_NAME, defaultCandidate = false)
	@Lazy
	@WechatPayComplaintRestClient
	@ConditionalOnMissingBean(name = WechatPayComplaintRestClient.BEAN_NAME)
	@Conditional(OnSingleMerchantPropertiesCondition.class)
	RestClient wechatPayComplaintRestClient(ComplaintClientProperties client, WechatPayRestClientFactory clientFactory,
			WechatPayMerchant merchant, WechatPayVerificationKeys verificationKeys) {
		return clientFactory.verifyingClient(merchant, verificationKeys, client.resolveBaseUri(),
				client.getMaxClockSkew());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class ActuatorSanitizingConfiguration {

		// Keeps the private key and the APIv3 key out of /actuator/configprops and
		// /actuator/env even when an
		// application shows property values.
		@Bean
		@ConditionalOnMissingBean(name = "wechatPayComplaintSanitizingFunction")
		SanitizingFunction wechatPayComplaintSanitizingFunction() {
			return (data) -> isSecret(data) ? data.withValue(SanitizableData.SANITIZED_VALUE) : data;
		}

		private static boolean isSecret(SanitizableData data) {
			String key = data.getLowerCaseKey().replace("-", "").replace("_", "").replace(".", "");
			return key.endsWith("privatekey") || key.endsWith("apiv3key");
		}

	}

}
