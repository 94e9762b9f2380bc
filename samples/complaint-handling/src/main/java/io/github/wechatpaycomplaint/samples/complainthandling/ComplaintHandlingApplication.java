package io.github.wechatpaycomplaint.samples.complainthandling;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A merchant's application that answers WeChat Pay complaints as they arrive: see
 * {@link ComplaintListeners}.
 */
@SpringBootApplication
public class ComplaintHandlingApplication {

	public static void main(String[] args) {
		SpringApplication.run(ComplaintHandlingApplication.class, args);
	}

}
