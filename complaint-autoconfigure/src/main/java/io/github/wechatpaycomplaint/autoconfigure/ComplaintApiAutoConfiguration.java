package io.github.wechatpaycomplaint.autoconfigure;

import io.github.wechatpaycomplaint.api.ComplaintActivityListener;
import io.github.wechatpaycomplaint.api.WechatPayComplaintClient;
import io.github.wechatpaycomplaint.client.WechatPayComplaintRestClient;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration for the typed complaint client, {@link WechatPayComplaintClient}, on
 * top of the signed and verifying {@link RestClient}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = ComplaintClientAutoConfiguration.class)
@ConditionalOnClass(RestClient.class)
@ConditionalOnBooleanProperty(name = ComplaintProperties.PREFIX + ".enabled", matchIfMissing = true)
@EnableConfigurationProperties(ComplaintClientProperties.class)
public final class ComplaintApiAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnSingleMerchantPropertiesCondition.class)
	// @Lazy: the RestClient (and the HTTP client under Spring Boot's RestClient.Builder)
	// is built on the first call,
	// not at startup.
	WechatPayComplaintClient wechatPayComplaintClient(@Lazy @WechatPayComplaintRestClient RestClient restClient,
			WechatPayMerchant merchant, ComplaintClientProperties client, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<ComplaintActivityListener> activity) {
		return new WechatPayComplaintClient(restClient, merchant, client.getEndpoint(), client.resolveBaseUri(),
				jsonMapper.getIfAvailable(JsonMapper::new), activity.getIfUnique(() -> ComplaintActivityListener.NONE));
	}

}
