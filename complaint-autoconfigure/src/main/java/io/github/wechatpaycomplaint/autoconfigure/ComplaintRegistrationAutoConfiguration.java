package io.github.wechatpaycomplaint.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

import io.github.wechatpaycomplaint.api.WechatPayComplaintClient;
import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchants;
import io.github.wechatpaycomplaint.registration.NotificationUrlRegistrar;
import io.github.wechatpaycomplaint.registration.NotificationUrlRegistrars;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration that registers each merchant's notification URL with WeChat Pay once
 * the application is ready. The merchant of {@code wechatpay.complaint.merchant.*}
 * registers {@code wechatpay.complaint.notification.public-url} when
 * {@code wechatpay.complaint.notification.register-on-startup} is set; every other
 * merchant (under {@code wechatpay.complaint.merchants.<name>}, from an application's
 * source, or added while it runs) registers its own {@code notification.public-url}, or
 * {@code <public-url>/<name>}, with its own client when its
 * {@code notification.register-on-startup} (or the global one) is set: a merchant added
 * or replaced while the application runs registers on a background thread.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { ComplaintApiAutoConfiguration.class, ComplaintMerchantsAutoConfiguration.class })
@EnableConfigurationProperties(NotificationRegistrationProperties.class)
public final class ComplaintRegistrationAutoConfiguration {

	static final String REGISTER_ON_STARTUP = NotificationRegistrationProperties.PREFIX + ".register-on-startup";

	static final String PUBLIC_URL = NotificationRegistrationProperties.PREFIX + ".public-url";

	/**
	 * The registration of the merchant of {@code wechatpay.complaint.merchant.*}, as with
	 * a single merchant.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = REGISTER_ON_STARTUP)
	@ConditionalOnBean(WechatPayComplaintClient.class)
	@Conditional(OnSingleMerchantPropertiesCondition.class)
	static class SingleMerchantRegistration {

		@Bean
		@ConditionalOnMissingBean
		NotificationUrlRegistrar complaintNotificationUrlRegistrar(NotificationRegistrationProperties properties,
				WechatPayComplaintClient client) {
			return new NotificationUrlRegistrar(client, validPublicUrl(properties.getPublicUrl()),
					properties.isFailOnRegistrationError());
		}

	}

	/**
	 * The registration of every other merchant in the registry, those read at startup
	 * (each URL checked then) and those added while the application runs. It exists
	 * whenever the registry does, because any merchant's settings may ask.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(WechatPayMerchants.class)
	static class MerchantRegistration {

		@Bean
		@ConditionalOnMissingBean
		NotificationUrlRegistrars complaintMerchantNotificationUrlRegistrars(WechatPayMerchants merchants,
				ObjectProvider<PropertiesMerchantSource> propertiesSource, NotificationRegistrationProperties global,
				Environment environment) {
			return NotificationUrlRegistrars.forRegistry(merchants, new MerchantNotificationUrls(merchants,
					new EntryMerchants(propertiesSource.getIfAvailable(), environment), global));
		}

	}

	/**
	 * Checks WeChat Pay's rules for a notification URL, naming
	 * {@code wechatpay.complaint.notification.public-url}.
	 * @param url the configured URL
	 * @return the URL
	 * @throws InvalidComplaintPropertyException when it breaks a rule
	 */
	static String validPublicUrl(@Nullable String url) {
		return validPublicUrl(url, PUBLIC_URL);
	}

	/**
	 * Checks WeChat Pay's rules for a notification URL: public HTTPS, an ASCII host name,
	 * no query string, at most 255 characters.
	 * @param url the configured URL
	 * @param property the property it comes from, named in the errors
	 * @return the URL
	 * @throws InvalidComplaintPropertyException when it breaks a rule
	 */
	static String validPublicUrl(@Nullable String url, String property) {
		String example = "e.g. https://pay.example.com/wechatpay/complaint-notifications";
		if (url == null || url.isBlank()) {
			throw new InvalidComplaintPropertyException(property,
					"it is not set but " + REGISTER_ON_STARTUP + " is true",
					"Set it to the public HTTPS URL of the notification endpoint, " + example + ".");
		}
		if (!StandardCharsets.US_ASCII.newEncoder().canEncode(url)) {
			throw new InvalidComplaintPropertyException(property,
					"WeChat Pay does not accept Chinese (non-ASCII) domain names or paths",
					"Use the punycode (xn--) form of the host name and percent-encode the path.");
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw new InvalidComplaintPropertyException(property, "it is not a URL (" + ex.getReason() + ")",
					"Set it to an absolute HTTPS URL, " + example + ".");
		}
		if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
			throw new InvalidComplaintPropertyException(property, "WeChat Pay only calls HTTPS URLs",
					"Set it to an absolute HTTPS URL, " + example + ".");
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new InvalidComplaintPropertyException(property,
					"WeChat Pay does not accept a query string (or fragment) in the notification URL",
					"Remove everything from '?' (or '#') on; put any routing information in the path.");
		}
		if (uri.getRawUserInfo() != null) {
			throw new InvalidComplaintPropertyException(property, "it contains user information",
					"Remove the 'user:password@' part.");
		}
		if (url.length() > 255) {
			throw new InvalidComplaintPropertyException(property,
					"it is " + url.length() + " characters long; WeChat Pay accepts at most 255", "Use a shorter URL.");
		}
		return url;
	}

}
