package io.github.wechatpaycomplaint.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when a per-merchant flag is on for some merchant: globally (every entry
 * inherits it) or in one entry under {@code wechatpay.complaint.merchants}.
 */
abstract class OnMerchantFlagCondition extends SpringBootCondition {

	private final String key;

	OnMerchantFlagCondition(String key) {
		this.key = key;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return ConfiguredMerchants.of(context).switchOnAnywhere(context.getEnvironment(), this.key)
				? ConditionOutcome.match(this.key + " is on for some merchant")
				: ConditionOutcome.noMatch(this.key + " is on for no merchant");
	}

	/** Some merchant is reconciled. */
	static final class Reconciliation extends OnMerchantFlagCondition {

		Reconciliation() {
			super("reconciliation.enabled");
		}

	}

}
