package io.github.wechatpaycomplaint.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the only merchant configured is one entry under
 * {@code wechatpay.complaint.merchants}: its objects are then also the single-merchant
 * beans, as if it were configured under {@code wechatpay.complaint.merchant}.
 */
class OnSoleMerchantEntryCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConfiguredMerchants.Summary merchants = ConfiguredMerchants.of(context);
		boolean sole = !merchants.singleMerchantSet() && merchants.entries() == 1;
		return sole ? ConditionOutcome.match("one wechatpay.complaint.merchants entry is the only merchant")
				: ConditionOutcome.noMatch("not exactly one merchant entry without wechatpay.complaint.merchant.*");
	}

}
