package io.github.wechatpaycomplaint.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

import io.github.wechatpaycomplaint.api.WechatPayComplaintClient;
import io.github.wechatpaycomplaint.registration.NotificationUrlRegistrar;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration that registers {@code wechatpay.complaint.notification.public-url}
 * with WeChat Pay once the application is ready, when
 * {@code wechatpay.complaint.notification.register-on-startup} is set.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = ComplaintApiAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = ComplaintRegistrationAutoConfiguration.REGISTER_ON_STARTUP)
@ConditionalOnBean(WechatPayComplaintClient.class)
@EnableConfigurationProperties(NotificationRegistrationProperties.class)
public final class ComplaintRegistrationAutoConfiguration {

	static final String REGISTER_ON_STARTUP = NotificationRegistrationProperties.PREFIX + ".register-on-startup";

	static final String PUBLIC_URL = NotificationRegistrationProperties.PREFIX + ".public-url";

	@Bean
	@ConditionalOnMissingBean
	NotificationUrlRegistrar complaintNotificationUrlRegistrar(NotificationRegistrationProperties properties,
			WechatPayComplaintClient client) {
		return new NotificationUrlRegistrar(client, validPublicUrl(properties.getPublicUrl()),
				properties.isFailOnRegistrationError());
	}

	/**
	 * Checks WeChat Pay's rules for a notification URL: public HTTPS, an ASCII host name,
	 * no query string, at most 255 characters.
	 * @param url the configured URL
	 * @return the URL
	 * @throws InvalidComplaintPropertyException when it breaks a rule
	 */
	static String validPublicUrl(@Nullable String url) {
		String example = "e.g. https://pay.example.com/wechatpay/complaint-notifications";
		if (url == null || url.isBlank()) {
			throw new InvalidComplaintPropertyException(PUBLIC_URL,
					"it is not set but " + REGISTER_ON_STARTUP + " is true",
					"Set it to the public HTTPS URL of the notification endpoint, " + example + ".");
		}
		if (!StandardCharsets.US_ASCII.newEncoder().canEncode(url)) {
			throw new InvalidComplaintPropertyException(PUBLIC_URL,
					"WeChat Pay does not accept Chinese (non-ASCII) domain names or paths",
					"Use the punycode (xn--) form of the host name and percent-encode the path.");
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw new InvalidComplaintPropertyException(PUBLIC_URL, "it is not a URL (" + ex.getReason() + ")",
					"Set it to an absolute HTTPS URL, " + example + ".");
		}
		if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
			throw new InvalidComplaintPropertyException(PUBLIC_URL, "WeChat Pay only calls HTTPS URLs",
					"Set it to an absolute HTTPS URL, " + example + ".");
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new InvalidComplaintPropertyException(PUBLIC_URL,
					"WeChat Pay does not accept a query string (or fragment) in the notification URL",
					"Remove everything from '?' (or '#') on; put any routing information in the path.");
		}
		if (uri.getRawUserInfo() != null) {
			throw new InvalidComplaintPropertyException(PUBLIC_URL, "it contains user information",
					"Remove the 'user:password@' part.");
		}
		if (url.length() > 255) {
			throw new InvalidComplaintPropertyException(PUBLIC_URL,
					"it is " + url.length() + " characters long; WeChat Pay accepts at most 255", "Use a shorter URL.");
		}
		return url;
	}

}
