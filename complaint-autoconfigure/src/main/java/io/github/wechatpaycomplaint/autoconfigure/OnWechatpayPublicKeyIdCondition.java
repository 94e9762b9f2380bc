package io.github.wechatpaycomplaint.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code wechatpay-public-key.id} is set, whatever its value. Unlike
 * {@code @ConditionalOnProperty} it does not resolve the value, so that an unresolved
 * {@code ${...}} placeholder reaches {@link MerchantKeyFactory}, which names the property
 * and the placeholder, instead of failing the condition.
 */
class OnWechatpayPublicKeyIdCondition extends SpringBootCondition {

	static final String PROPERTY = ComplaintProperties.PREFIX + ".wechatpay-public-key.id";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return context.getEnvironment().containsProperty(PROPERTY) ? ConditionOutcome.match(PROPERTY + " is set")
				: ConditionOutcome.noMatch(PROPERTY + " is not set");
	}

}
