package io.github.wechatpaycomplaint.notification;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintNotificationAutoConfiguration;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * The notification endpoint's contract on Reactor Netty with WebFlux.
 */
class WebFluxNotificationEndpointContractTests extends NotificationEndpointContract {

	@Override
	protected SpringApplicationBuilder application(Class<?>... sources) {
		return new SpringApplicationBuilder(WebFluxStack.class).sources(sources).web(WebApplicationType.REACTIVE);
	}

	@Override
	protected String webServer() {
		return "NettyWebServer";
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
			JacksonAutoConfiguration.class, WebFluxAutoConfiguration.class, ComplaintClientAutoConfiguration.class,
			ComplaintNotificationAutoConfiguration.class })
	static class WebFluxStack {

	}

}
