package io.github.wechatpaycomplaint.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the properties configure at most one merchant
 * ({@code wechatpay.complaint.merchant.*} or one entry under
 * {@code wechatpay.complaint.merchants}) and no application source adds more: the
 * single-merchant view of health applies.
 */
class OnOneConfiguredMerchantCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConfiguredMerchants.Summary merchants = ConfiguredMerchants.of(context);
		int configured = (merchants.singleMerchantSet() ? 1 : 0) + merchants.entries();
		int sources = ConfiguredMerchants.merchantSourceBeans(context);
		// The properties' own source is one of the sources.
		boolean ownSource = sources > 1;
		return (configured <= 1 && !ownSource) ? ConditionOutcome.match("at most one merchant is configured")
				: ConditionOutcome.noMatch(configured + " merchants are configured"
						+ (ownSource ? ", and the application supplies more" : ""));
	}

}
