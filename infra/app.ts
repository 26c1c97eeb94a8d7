/**
 * The Herald CDK app (`npx cdk synth`). Context: stage (default dev), senderEmail,
 * sesConfigurationSet, publicBaseUrl, alarmEmail, throttleRate, throttleBurst; see infra/config.ts.
 */
import { App } from 'aws-cdk-lib';
import { defineHerald } from './herald';
import { applyNag } from './nag';

const app = new App();
defineHerald(app);
applyNag(app);
app.synth();
