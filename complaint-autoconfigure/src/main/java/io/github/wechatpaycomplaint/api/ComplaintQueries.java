package io.github.wechatpaycomplaint.api;

import io.github.wechatpaycomplaint.WechatPayException;
import io.github.wechatpaycomplaint.model.Complaint;
import io.github.wechatpaycomplaint.model.ComplaintPage;
import io.github.wechatpaycomplaint.model.MchLanguage;
import io.github.wechatpaycomplaint.model.NegotiationHistoryEntry;
import io.github.wechatpaycomplaint.model.request.ComplaintListQuery;
import io.github.wechatpaycomplaint.model.request.NegotiationHistoryQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;

/**
 * The read calls: complaint list, complaint detail and negotiation history, with
 * {@code payer_phone} decrypted.
 */
final class ComplaintQueries {

	private static final ParameterizedTypeReference<ComplaintPage<Complaint>> COMPLAINT_PAGE = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<ComplaintPage<NegotiationHistoryEntry>> HISTORY_PAGE = new ParameterizedTypeReference<>() {
	};

	private final ComplaintCalls calls;

	private final PayerPhoneDecryptor decryptor;

	ComplaintQueries(ComplaintCalls calls, PayerPhoneDecryptor decryptor) {
		this.calls = calls;
		this.decryptor = decryptor;
	}

	ComplaintPage<Complaint> list(ComplaintListQuery query) {
		ComplaintPage<Complaint> page = required(this.calls.list(query).retrieve().body(COMPLAINT_PAGE), "list");
		return new ComplaintPage<>(page.data().stream().map(this.decryptor::decrypt).toList(), page.limit(),
				page.offset(), page.totalCount());
	}

	Complaint get(String complaintId, @Nullable MchLanguage language) {
		Complaint complaint = required(this.calls.detail(complaintId, language).retrieve().body(Complaint.class),
				"detail");
		return this.decryptor.decrypt(complaint);
	}

	ComplaintPage<NegotiationHistoryEntry> negotiationHistory(String complaintId, NegotiationHistoryQuery query) {
		return required(this.calls.negotiationHistory(complaintId, query).retrieve().body(HISTORY_PAGE),
				"negotiation history");
	}

	static <T> T required(@Nullable T body, String operation) {
		if (body == null) {
			throw new WechatPayException("WeChat Pay answered the " + operation + " call without a body");
		}
		return body;
	}

}
