package io.github.wechatpaycomplaint.samples.complainthandling;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application of two merchants, a mainland one and a Hong Kong one, that answers their
 * WeChat Pay complaints as they arrive: see {@link ComplaintListeners}.
 */
@SpringBootApplication
public class ComplaintHandlingApplication {

	public static void main(String[] args) {
		SpringApplication.run(ComplaintHandlingApplication.class, args);
	}

}
