package io.github.wechatpaycomplaint.simulated;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.wechatpaycomplaint.api.WechatPayComplaintClient;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintApiAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintNotificationAutoConfiguration;
import io.github.wechatpaycomplaint.model.Complaint;
import io.github.wechatpaycomplaint.notification.event.ComplaintCreatedEvent;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * A WebFlux application with the starter, as a user writes it: its notifications arrive
 * on the starter's WebFlux route, a listener answers each new complaint with the typed
 * client (listeners run off the event loop, so it may block), and a route of its own
 * calls the typed client from reactive code on {@link Schedulers#boundedElastic()}.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
		JacksonAutoConfiguration.class, WebFluxAutoConfiguration.class, HttpClientAutoConfiguration.class,
		ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
		ComplaintClientAutoConfiguration.class, ComplaintApiAutoConfiguration.class,
		ComplaintNotificationAutoConfiguration.class })
class WebFluxApplication {

	@Bean
	NewComplaints newComplaints(WechatPayComplaintClient client) {
		return new NewComplaints(client);
	}

	@Bean
	RouterFunction<ServerResponse> complaintRoute(WechatPayComplaintClient client) {
		return RouterFunctions.route(RequestPredicates.GET("/complaints/{id}"),
				(request) -> Mono.fromCallable(() -> client.getComplaint(request.pathVariable("id")))
					.subscribeOn(Schedulers.boundedElastic())
					.flatMap((complaint) -> ServerResponse.ok()
						.bodyValue(Map.of("complaintId", complaint.complaintId(), "state",
								String.valueOf(complaint.complaintState())))));
	}

	/** Fetches each new complaint with the typed client, and remembers the thread. */
	static final class NewComplaints {

		private final WechatPayComplaintClient client;

		final List<Complaint> fetched = new CopyOnWriteArrayList<>();

		final List<String> nonBlockingThreads = new CopyOnWriteArrayList<>();

		NewComplaints(WechatPayComplaintClient client) {
			this.client = client;
		}

		@EventListener
		void on(ComplaintCreatedEvent event) {
			if (Schedulers.isInNonBlockingThread()) {
				this.nonBlockingThreads.add(Thread.currentThread().getName());
			}
			this.fetched.add(this.client.getComplaint(event.getComplaintId()));
		}

	}

}
