package io.github.wechatpaycomplaint.samples.quickstart;

import java.time.LocalDate;

import io.github.wechatpaycomplaint.client.WechatPayComplaintRestClient;

import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

/**
 * Lists the complaints of the last days through the starter's signed RestClient: the
 * request is signed and the answer's WeChat Pay signature verified before this code sees
 * it.
 */
@Service
public class RecentComplaints {

	private final RestClient wechatPay;

	public RecentComplaints(@WechatPayComplaintRestClient RestClient wechatPay) {
		this.wechatPay = wechatPay;
	}

	public String listJson(LocalDate from, LocalDate to) {
		return this.wechatPay.get()
			.uri((uri) -> uri.path("/v3/merchant-service/complaints-v2")
				.queryParam("limit", 50)
				.queryParam("offset", 0)
				.queryParam("begin_date", from)
				.queryParam("end_date", to)
				.build())
			.retrieve()
			.body(String.class);
	}

}
