package io.github.wechatpaycomplaint.simulator.api;

import io.github.wechatpaycomplaint.simulator.http.ApiAnswer;
import io.github.wechatpaycomplaint.simulator.http.ApiRequest;
import io.github.wechatpaycomplaint.simulator.http.WechatPayError;
import io.github.wechatpaycomplaint.simulator.state.NotificationUrlRegistry;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The notification URL API ({@code complaint-notifications}): create, query, update and
 * delete the merchant's one HTTPS URL.
 *
 * @since 0.1.0
 */
final class NotificationUrlHandler {

	private final NotificationUrlRegistry registry;

	private final ComplaintRules rules;

	private final JsonMapper jsonMapper;

	private final String merchantId;

	NotificationUrlHandler(NotificationUrlRegistry registry, ComplaintRules rules, JsonMapper jsonMapper,
			String merchantId) {
		this.registry = registry;
		this.rules = rules;
		this.jsonMapper = jsonMapper;
		this.merchantId = merchantId;
	}

	ApiAnswer create(ApiRequest request) {
		String url = this.rules.notificationUrl(request.json());
		if (this.registry.url().isPresent()) {
			throw WechatPayError.invalidRequest("通知地址已存在，请使用更新接口 (a notification URL is already set: use PUT)");
		}
		this.registry.set(url);
		return answer(url);
	}

	ApiAnswer query(ApiRequest request) {
		return answer(existing());
	}

	ApiAnswer update(ApiRequest request) {
		String url = this.rules.notificationUrl(request.json());
		existing();
		this.registry.set(url);
		return answer(url);
	}

	ApiAnswer delete(ApiRequest request) {
		existing();
		this.registry.set(null);
		return ApiAnswer.noContent();
	}

	private String existing() {
		return this.registry.url()
			.orElseThrow(() -> WechatPayError.resourceNotExists(400,
					"商户未设置投诉通知回调地址 (no notification URL is set for this merchant)"));
	}

	private ApiAnswer answer(String url) {
		ObjectNode body = this.jsonMapper.createObjectNode().put("mchid", this.merchantId).put("url", url);
		return ApiAnswer.json(200, this.jsonMapper.writeValueAsBytes(body));
	}

}
