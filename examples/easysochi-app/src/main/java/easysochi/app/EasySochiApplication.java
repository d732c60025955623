package easysochi.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The EasySochi_bot data layer as a Spring Boot application: at start-up the Retort starter brings
 * the database to the head of the bot's migrations (shipped in the jar under db/retort), before
 * the repositories below can touch it.
 */
@SpringBootApplication
public class EasySochiApplication {

  public static void main(String[] args) {
    SpringApplication.run(EasySochiApplication.class, args);
  }
}
