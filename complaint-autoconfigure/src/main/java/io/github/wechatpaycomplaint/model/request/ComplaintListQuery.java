package io.github.wechatpaycomplaint.model.request;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import io.github.wechatpaycomplaint.model.MchLanguage;
import org.jspecify.annotations.Nullable;

/**
 * One call of the complaint list: complaints filed between two dates (both included), one
 * page.
 *
 * <p>
 * WeChat Pay allows at most 30 days between {@code begin_date} and {@code end_date}; this
 * starter reads that as 30 calendar days with both ends included (e.g. June 1 to June
 * 30), the reading that is safe whichever WeChat Pay means. Use the client's
 * {@code streamComplaints} for longer ranges.
 *
 * @param beginDate first day, sent as {@code begin_date}
 * @param endDate last day, sent as {@code end_date}
 * @param limit page size, 1 to 50
 * @param offset 0-based position of the first complaint
 * @param complaintedMchid sub-merchant to filter on (service providers), or {@code null}
 * for all
 * @param mchLanguage language of the answer (Hong Kong only), or {@code null}; not
 * {@link MchLanguage#UNKNOWN}
 * @since 0.1.0
 */
public record ComplaintListQuery(LocalDate beginDate, LocalDate endDate, int limit, int offset,
		@Nullable String complaintedMchid, @Nullable MchLanguage mchLanguage) {

	/** Largest page WeChat Pay returns. */
	public static final int MAX_LIMIT = 50;

	/** Most calendar days (both ends included) one call may cover. */
	public static final int MAX_DAYS = 30;

	public ComplaintListQuery {
		if (beginDate == null) {
			throw new InvalidComplaintRequestException("begin_date", "is required");
		}
		if (endDate == null) {
			throw new InvalidComplaintRequestException("end_date", "is required");
		}
		if (endDate.isBefore(beginDate)) {
			throw new InvalidComplaintRequestException("end_date",
					"must not be before begin_date (" + beginDate + " to " + endDate + ")");
		}
		long days = ChronoUnit.DAYS.between(beginDate, endDate) + 1;
		if (days > MAX_DAYS) {
			throw new InvalidComplaintRequestException("end_date", "must be at most " + MAX_DAYS
					+ " days from begin_date, both included (" + beginDate + " to " + endDate + " is " + days + ")");
		}
		RequestChecks.range(limit, "limit", 1, MAX_LIMIT);
		RequestChecks.range(offset, "offset", 0, Integer.MAX_VALUE);
		RequestChecks.optionalText(complaintedMchid, "complainted_mchid", RequestChecks.MAX_ID_LENGTH);
		RequestChecks.knownValue(mchLanguage, "mch_language");
	}

	/**
	 * The first page of 50 complaints between two dates.
	 * @param beginDate first day
	 * @param endDate last day
	 * @return the query
	 */
	public static ComplaintListQuery between(LocalDate beginDate, LocalDate endDate) {
		return new ComplaintListQuery(beginDate, endDate, MAX_LIMIT, 0, null, null);
	}

	/**
	 * A copy with another page.
	 * @param limit page size, 1 to 50
	 * @param offset 0-based position of the first complaint
	 * @return the copy
	 */
	public ComplaintListQuery page(int limit, int offset) {
		return new ComplaintListQuery(this.beginDate, this.endDate, limit, offset, this.complaintedMchid,
				this.mchLanguage);
	}

	/**
	 * A copy that only lists the complaints of one sub-merchant.
	 * @param complaintedMchid the sub-merchant id
	 * @return the copy
	 */
	public ComplaintListQuery complaintedMchid(String complaintedMchid) {
		return new ComplaintListQuery(this.beginDate, this.endDate, this.limit, this.offset,
				Objects.requireNonNull(complaintedMchid, "complaintedMchid"), this.mchLanguage);
	}

	/**
	 * A copy asking for answers in a language (Hong Kong only).
	 * @param mchLanguage the language
	 * @return the copy
	 */
	public ComplaintListQuery mchLanguage(MchLanguage mchLanguage) {
		return new ComplaintListQuery(this.beginDate, this.endDate, this.limit, this.offset, this.complaintedMchid,
				Objects.requireNonNull(mchLanguage, "mchLanguage"));
	}

}
