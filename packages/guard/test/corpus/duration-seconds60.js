// JS `no-hardcoded-timeout`, session 60 (issue 9), from blind set fresh339 (@aws-cdk/aws-gamelift-alpha): a CDK
// `Duration` read back in seconds (`.toSeconds()`) is the number a seconds-named setting is given.
const cdk = require("aws-cdk-lib");

class MatchmakingConfiguration {
  constructor(scope, props) {
    this.resource = new CfnMatchmakingConfiguration(scope, "Resource", {
      acceptanceTimeoutSeconds: props.acceptanceTimeout && props.acceptanceTimeout.toSeconds(),
      requestTimeoutSeconds:
        (props.requestTimeout && props.requestTimeout.toSeconds()) || cdk.Duration.seconds(300).toSeconds(), // expect: no-hardcoded-timeout
      backfillMode: props.backfillMode,
    });
  }
}

class CfnMatchmakingConfiguration {
  constructor(scope, id, props) {
    Object.assign(this, { scope, id, props });
  }
}

module.exports = { MatchmakingConfiguration };
