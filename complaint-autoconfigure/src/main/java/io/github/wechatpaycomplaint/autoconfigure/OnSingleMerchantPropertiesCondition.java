package io.github.wechatpaycomplaint.autoconfigure;

import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchantSource;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code wechatpay.complaint.merchant.*} configures the single-merchant
 * beans as it always did: when those keys are set, or when no entry under
 * {@code wechatpay.complaint.merchants} is (then the missing keys are reported as
 * before), unless the application has its own {@link WechatPayMerchantSource}.
 */
class OnSingleMerchantPropertiesCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConfiguredMerchants.Summary merchants = ConfiguredMerchants.of(context);
		if (merchants.singleMerchantSet()) {
			return ConditionOutcome.match("wechatpay.complaint.merchant.* configures the merchant");
		}
		if (merchants.entries() > 0) {
			return ConditionOutcome.noMatch("only wechatpay.complaint.merchants.* entries are configured");
		}
		boolean ownSource = ConfiguredMerchants.merchantSourceBeans(context) > 0;
		return ownSource ? ConditionOutcome.noMatch("the application's WechatPayMerchantSource supplies the merchants")
				: ConditionOutcome.match("no merchant is configured; the single-merchant keys are asked for");
	}

}
