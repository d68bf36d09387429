package com.speedfog.racing.gateway.deadline;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Axon's db-scheduler deadline task, with a retry that suits a race start. Axon's own task retries a
 * failed execution 5 minutes later; a start that comes due while the server is stopping would then be
 * 5 minutes late after the restart. Here a failed execution is retried after 1 s, doubling.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineTaskConfiguration {

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerBinaryDeadlineDetails> deadlineDetailsTask(ApplicationContext context) {
        Task<DbSchedulerBinaryDeadlineDetails> axonTask =
                DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
        return Tasks.oneTime(axonTask.getName(), DbSchedulerBinaryDeadlineDetails.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(FIRST_RETRY, 2.0))
                .execute((instance, executionContext) -> axonTask.execute(instance, executionContext));
    }
}
