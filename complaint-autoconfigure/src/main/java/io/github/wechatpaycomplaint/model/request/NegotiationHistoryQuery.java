package io.github.wechatpaycomplaint.model.request;

import java.util.Objects;

import io.github.wechatpaycomplaint.model.MchLanguage;
import org.jspecify.annotations.Nullable;

/**
 * One page of a complaint's negotiation history.
 *
 * @param limit page size, 1 to 300
 * @param offset 0-based position of the first record
 * @param mchLanguage language of the answer (Hong Kong only), or {@code null}; not
 * {@link MchLanguage#UNKNOWN}
 * @since 0.1.0
 */
public record NegotiationHistoryQuery(int limit, int offset, @Nullable MchLanguage mchLanguage) {

	/** Largest page WeChat Pay returns. */
	public static final int MAX_LIMIT = 300;

	public NegotiationHistoryQuery {
		RequestChecks.range(limit, "limit", 1, MAX_LIMIT);
		RequestChecks.range(offset, "offset", 0, Integer.MAX_VALUE);
		RequestChecks.knownValue(mchLanguage, "mch_language");
	}

	/**
	 * A page of the history.
	 * @param limit page size, 1 to 300
	 * @param offset 0-based position of the first record
	 * @return the query
	 */
	public static NegotiationHistoryQuery page(int limit, int offset) {
		return new NegotiationHistoryQuery(limit, offset, null);
	}

	/**
	 * A copy asking for answers in a language (Hong Kong only).
	 * @param mchLanguage the language
	 * @return the copy
	 */
	public NegotiationHistoryQuery mchLanguage(MchLanguage mchLanguage) {
		return new NegotiationHistoryQuery(this.limit, this.offset, Objects.requireNonNull(mchLanguage, "mchLanguage"));
	}

}
