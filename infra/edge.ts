/**
 * CloudFront in front of the HTTP API, carrying the WAF web ACL (infra/waf.ts). Nothing is cached
 * (every answer is per conversation and says no-store); every viewer header but Host goes to the
 * API, Authorization included (CloudFront forwards it with caching disabled).
 *
 * Two headers reach the API function from here and from nowhere else:
 * - `x-amparo-edge`, a secret from Secrets Manager (a CloudFormation dynamic reference, so it is
 *   not in the template) that CloudFront adds to every origin request: the function refuses a
 *   request without it, so the API's own execute-api URL is no way around the WAF;
 * - `x-amparo-viewer`, the client's address, set by a CloudFront Function over anything the
 *   client sent: API Gateway sees CloudFront's address, and the app's per-address limit needs
 *   the person's.
 */
import { Fn } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as secrets from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/** The header names the API function checks (functions/lambda/edge.ts). */
export const EDGE_HEADERS = { secret: 'x-amparo-edge', viewer: 'x-amparo-viewer' } as const;

/** Runs on every viewer request (cloudfront-js-2.0): the client cannot choose these headers. */
const VIEWER_FUNCTION = `function handler(event) {
  var request = event.request;
  delete request.headers['${EDGE_HEADERS.secret}'];
  request.headers['${EDGE_HEADERS.viewer}'] = { value: event.viewer.ip };
  return request;
}`;

export interface EdgeProps {
  api: HttpApi;
  /** The WAF web ACL's ARN (scope CLOUDFRONT, in us-east-1). */
  webAclArn: string;
  /** The firm's own host name and its ACM certificate (us-east-1); unset: *.cloudfront.net. */
  domain?: { name: string; certificateArn: string };
}

export class Edge extends Construct {
  readonly distribution: cloudfront.Distribution;
  /** The shared secret CloudFront sends to the API (the API function reads it by ARN). */
  readonly originSecret: secrets.Secret;
  /**
   * PUBLIC_BASE_URL, the URL Twilio signs: https://<the firm's domain>, else
   * https://<distribution>.cloudfront.net.
   */
  readonly url: string;

  constructor(scope: Construct, id: string, props: EdgeProps) {
    super(scope, id);
    this.originSecret = new secrets.Secret(this, 'OriginSecret', {
      description: 'Amparo: proves to the API that a request came through CloudFront and its WAF',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    // https://abc123.execute-api.<region>.amazonaws.com → its host name.
    const apiHost = Fn.select(2, Fn.split('/', props.api.apiEndpoint));
    const viewer = new cloudfront.Function(this, 'ViewerAddress', {
      comment: 'Amparo: the client address for the API, over anything the client sent',
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(VIEWER_FUNCTION),
    });
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Amparo: the web chat, widget, Twilio webhook and lead links, behind AWS WAF',
      webAclId: props.webAclArn,
      // North America and Europe edges; visitors elsewhere are served too, from those.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      ...(props.domain
        ? {
            domainNames: [props.domain.name],
            certificate: acm.Certificate.fromCertificateArn(
              this,
              'Certificate',
              props.domain.certificateArn,
            ),
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      defaultBehavior: {
        origin: new origins.HttpOrigin(apiHost, {
          protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
          originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
          customHeaders: {
            [EDGE_HEADERS.secret]: this.originSecret.secretValue.unsafeUnwrap(),
          },
        }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        functionAssociations: [
          { function: viewer, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
        ],
        compress: true,
      },
    });
    this.url = `https://${props.domain?.name ?? this.distribution.distributionDomainName}`;
  }
}
