package io.github.wechatpaycomplaint.multimerchant;

import java.util.Objects;

import io.github.wechatpaycomplaint.api.WechatPayComplaintClient;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.merchant.WechatPayVerificationKeys;
import org.jspecify.annotations.Nullable;

import org.springframework.web.client.RestClient;

/**
 * What one merchant needs to call WeChat Pay and to verify its signatures: parsed keys,
 * verification keys, the signed RestClient and the typed client. Built by a
 * {@link MerchantComponentsFactory} on the merchant's first use.
 *
 * @param merchant the merchant's keys
 * @param verificationKeys the keys that verify WeChat Pay's signatures
 * @param restClient the signed and verifying RestClient
 * @param client the typed complaint client
 * @param resources released when the merchant is replaced or removed (e.g. the scheduled
 * refresh of its platform certificates), or {@code null}
 * @since 0.1.0
 */
public record MerchantComponents(WechatPayMerchant merchant, WechatPayVerificationKeys verificationKeys,
		RestClient restClient, WechatPayComplaintClient client, @Nullable AutoCloseable resources) {

	public MerchantComponents {
		Objects.requireNonNull(merchant, "merchant");
		Objects.requireNonNull(verificationKeys, "verificationKeys");
		Objects.requireNonNull(restClient, "restClient");
		Objects.requireNonNull(client, "client");
	}

}
